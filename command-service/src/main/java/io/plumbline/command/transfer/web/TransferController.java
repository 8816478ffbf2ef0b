package io.plumbline.command.transfer.web;

import io.plumbline.command.transfer.EventTransfer;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin moves the event store to another deployment: exports every event as NDJSON, in store
 * order and resumable from a position, and imports such a file into a store that is empty or holds
 * its first lines.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Event store",
    description = "Move the event store between deployments (admin)")
@RestController
@RequestMapping("/api/v1/admin/events")
class TransferController {

  static final String NDJSON = "application/x-ndjson";

  private final EventTransfer transfer;

  TransferController(EventTransfer transfer) {
    this.transfer = transfer;
  }

  @Operation(
      summary = "Every stored event as NDJSON, in store order (admin)",
      description =
          "One JSON object a line: position, aggregateType, aggregateId, sequence, messageId,"
              + " timestamp, metaData and the event in the contract's JSON. An interrupted export"
              + " resumes with after= the last line's position.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The events",
              content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
  @GetMapping(value = "/export", produces = NDJSON)
  void export(
      @Parameter(description = "the position after which to start; 0 for the first event")
          @RequestParam(defaultValue = "0")
          long after,
      @Parameter(description = "at most this many events")
          @RequestParam(defaultValue = "9223372036854775807")
          long limit,
      HttpServletResponse response)
      throws IOException {
    // written as read, on the request's own thread: the export streams whatever its size
    response.setContentType(NDJSON);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename("plumbline-events.ndjson").build().toString());
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    transfer.export(
        after,
        limit,
        line -> {
          try {
            writer.write(line);
            writer.write('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    writer.flush();
  }

  @Operation(
      summary = "Store the events of an export (admin)",
      description =
          "Into an empty store, or one that holds the first lines of the same export: those are"
              + " passed over, so a file sent again resumes. Events are stored in commits of 200,"
              + " each durable before the next; the relay sends them on to Kafka and the query"
              + " side computes every figure from them.")
  @Refusal(status = 409, reasons = "store-holds-other-events")
  @Refusal(status = 422, reasons = "invalid-export-line")
  @PostMapping(
      value = "/import",
      consumes = {NDJSON, MediaType.TEXT_PLAIN_VALUE})
  EventTransfer.Imported importEvents(jakarta.servlet.http.HttpServletRequest request)
      throws IOException {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
      return transfer.importLines(lines);
    }
  }
}
