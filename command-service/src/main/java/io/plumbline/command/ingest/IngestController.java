package io.plumbline.command.ingest;

import io.plumbline.command.common.EvidenceCommand;
import io.plumbline.command.common.Outcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accepts one event per request; it is stored before the answer, published to Kafka after. */
@RestController
@RequestMapping("/api/v1/events")
class IngestController {

  private final SubmissionReader reader;
  private final CommandGateway commands;

  IngestController(SubmissionReader reader, CommandGateway commands) {
    this.reader = reader;
    this.commands = commands;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Receipt> submit(@RequestBody byte[] body) {
    EvidenceCommand command = reader.read(body);
    Outcome outcome = commands.sendAndWait(command);
    HttpStatus status = outcome == Outcome.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
    return ResponseEntity.status(status).body(new Receipt(command.eventId(), outcome));
  }

  /** The answer to an accepted submission; a retry of a stored event says DUPLICATE. */
  record Receipt(String eventId, Outcome outcome) {}
}
