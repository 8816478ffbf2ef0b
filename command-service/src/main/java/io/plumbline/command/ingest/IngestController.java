package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts evidence, one event per request or up to a thousand in a batch. An accepted event is
 * stored before the answer and published to Kafka after it.
 */
@RestController
@RequestMapping("/api/v1/events")
class IngestController {

  private final SubmissionReader reader;
  private final Submissions submissions;
  private final int maxBatch;

  IngestController(
      SubmissionReader reader,
      Submissions submissions,
      @Value("${plumbline.ingest.max-batch-events:1000}") int maxBatch) {
    this.reader = reader;
    this.submissions = submissions;
    this.maxBatch = maxBatch;
  }

  /** The answer to an accepted submission; a retry of a stored event says DUPLICATE. */
  record Receipt(String eventId, Outcome outcome) {}

  /** One item of a batch answer: its outcome, or the problem that refused it. */
  record ItemResult(int index, String eventId, String outcome, ProblemDetail problem) {}

  /** A batch answer: counts, and one result per submitted event, in order. */
  record BatchReceipt(
      int accepted, int duplicates, int rejected, boolean errors, List<ItemResult> results) {}

  @Operation(
      summary = "Submit one event",
      description =
          "The body is one event in the contract's JSON shape: a `type` (GroupDefined,"
              + " TeamRegistered, TeamMoved, TeamRetired, ServiceRegistered, ServiceTierChanged,"
              + " ServiceRetired, SloDefined, SloReviewed, SloRetired, ErrorBudgetPolicyInvoked,"
              + " IncidentRecorded, PostmortemPublished, ActionItemClosed, AlertInventoryReported,"
              + " RunbookPublished, RunbookReviewed, RunbookRetired, ToilMeasured,"
              + " ToilAutomationShipped) plus its fields, including `eventId` and `occurredAt`."
              + " 202 when stored now, 200 when the same event was stored before.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema =
                  @io.swagger.v3.oas.annotations.media.Schema(
                      type = "object",
                      example =
                          "{\"type\":\"SloDefined\",\"eventId\":\"slo-1\",\"teamId\":\"checkout\","
                              + "\"sloId\":\"availability\",\"serviceId\":\"checkout-api\","
                              + "\"sliKind\":\"AVAILABILITY\","
                              + "\"objectives\":[{\"name\":\"requests succeed\",\"targetPercent\":99.9}],"
                              + "\"window\":{\"duration\":\"30d\",\"calendarAligned\":false},"
                              + "\"errorBudgetPolicy\":true,\"burnRateAlerts\":false,"
                              + "\"occurredAt\":\"2026-11-02T09:00:00Z\"}")))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Receipt> submit(@RequestBody byte[] body, Authentication authentication) {
    Submissions.Accepted accepted =
        submissions.submit(reader.parse(body), Caller.of(authentication));
    HttpStatus status =
        accepted.outcome() == Outcome.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
    return ResponseEntity.status(status).body(new Receipt(accepted.eventId(), accepted.outcome()));
  }

  /**
   * Each event is decided on its own, in order: one refused event does not hold back the others,
   * and since every event is idempotent, the whole batch can be retried as it is. Consecutive
   * events of one team are stored together, as one commit.
   */
  @Operation(
      summary = "Submit up to 1,000 events; each gets its own outcome",
      description =
          "The body is {\"events\": [ … ]}, each event as for a single submission. Events are"
              + " decided one by one, in order; the answer lists each outcome (ACCEPTED, DUPLICATE"
              + " or REJECTED with its problem). Retrying the whole batch is safe.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
  @PostMapping(value = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  BatchReceipt batch(@RequestBody byte[] body, Authentication authentication) {
    JsonNode envelope = reader.parseTree(body);
    if (envelope.isObject() && envelope.size() > 1) {
      List<String> extra = new ArrayList<>();
      envelope.fieldNames().forEachRemaining(extra::add);
      extra.remove("events");
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "invalid-batch",
          extra.get(0),
          "A batch is {\"events\": [ … ]} and nothing else; unknown field(s): %s."
              .formatted(String.join(", ", extra)));
    }
    JsonNode events = envelope.path("events");
    if (!events.isArray() || events.isEmpty()) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "invalid-batch",
          "events",
          "The body must be {\"events\": [ … ]} with at least one event.");
    }
    if (events.size() > maxBatch) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "batch-too-large",
          "events",
          "A batch holds at most %d events, not %d.".formatted(maxBatch, events.size()));
    }
    List<JsonNode> items = new ArrayList<>(events.size());
    events.forEach(items::add);
    List<ItemResult> results = new ArrayList<>(events.size());
    int accepted = 0;
    int duplicates = 0;
    List<Submissions.Decision> decisions = submissions.submitAll(items, Caller.of(authentication));
    for (int i = 0; i < decisions.size(); i++) {
      Submissions.Decision decision = decisions.get(i);
      if (decision.refusal() != null) {
        RuntimeException refusal = decision.refusal();
        ProblemDetail problem = ProblemAdvice.problemFor(refusal).orElseThrow(() -> refusal);
        results.add(new ItemResult(i, decision.eventId(), "REJECTED", problem));
      } else {
        results.add(new ItemResult(i, decision.eventId(), decision.outcome().name(), null));
        if (decision.outcome() == Outcome.ACCEPTED) {
          accepted++;
        } else {
          duplicates++;
        }
      }
    }
    int rejected = events.size() - accepted - duplicates;
    return new BatchReceipt(accepted, duplicates, rejected, rejected > 0, results);
  }
}
