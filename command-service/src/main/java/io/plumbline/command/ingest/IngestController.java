package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.security.Caller;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
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
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Evidence",
    description = "Submit facts, one at a time or in batches; every submission is safe to retry")
@RestController
@RequestMapping("/api/v1/events")
@Refusal(status = 411, reasons = "length-required")
@Refusal(status = 413, reasons = "payload-too-large")
@Refusal(status = 429, reasons = "rate-limited")
@Refusal(
    status = 503,
    reasons = {"event-store-unavailable", "write-conflict"})
class IngestController {

  private final JsonBodies bodies;
  private final BatchReader batches;
  private final Submissions submissions;

  IngestController(JsonBodies bodies, BatchReader batches, Submissions submissions) {
    this.bodies = bodies;
    this.batches = batches;
    this.submissions = submissions;
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
                      ref = "#/components/schemas/" + EventSchemas.EVENT)))
  @ApiResponse(responseCode = "202", description = "Stored now: outcome ACCEPTED")
  @ApiResponse(
      responseCode = "200",
      description = "The same event was stored before: outcome DUPLICATE, nothing changed")
  @Refusal(
      status = 400,
      reasons = {"missing-event-type", "unknown-event-type", "unknown-field", "invalid-field"})
  @Refusal(
      status = 403,
      reasons = {"wrong-team", "admin-only", "exemptions-only"})
  @Refusal(
      status = 404,
      reasons = {
        "unknown-group",
        "unknown-team",
        "unknown-service",
        "unknown-slo",
        "unknown-incident",
        "unknown-postmortem",
        "unknown-action-item",
        "unknown-runbook",
        "unknown-exemption"
      })
  @Refusal(
      status = 409,
      reasons = {
        "event-id-reused",
        "already-exists",
        "team-retired",
        "slo-retired",
        "service-retired",
        "runbook-retired",
        "action-item-closed",
        "exemption-revoked",
        "already-in-group",
        "not-in-group",
        "group-parent-changed",
        "dated-before-start",
        "evidence-after-end",
        "overlapping-period"
      })
  @Refusal(
      status = 422,
      reasons = {
        "invalid-field",
        "occurred-at-too-early",
        "occurred-at-in-future",
        "objective-out-of-range",
        "window-out-of-range",
        "tier-out-of-range",
        "self-parent",
        "resolved-before-start",
        "duplicate-action-item",
        "hours-out-of-range",
        "toil-exceeds-ops",
        "period-ends-before-start",
        "unknown-criterion",
        "expiry-not-after-grant"
      })
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Receipt> submit(@RequestBody byte[] body, Authentication authentication) {
    Submissions.Accepted accepted =
        submissions.submit(bodies.parseObject(body), Caller.of(authentication));
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
              schema =
                  @io.swagger.v3.oas.annotations.media.Schema(
                      ref = "#/components/schemas/" + EventSchemas.BATCH)))
  @ApiResponse(
      responseCode = "200",
      description =
          "Every event decided: each result ACCEPTED, DUPLICATE or REJECTED with its problem")
  @Refusal(
      status = 400,
      reasons = {"invalid-batch", "batch-too-large"})
  @PostMapping(value = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  BatchReceipt batch(@RequestBody byte[] body, Authentication authentication) {
    List<JsonNode> items = batches.items(body);
    List<ItemResult> results = new ArrayList<>(items.size());
    int accepted = 0;
    int duplicates = 0;
    List<Decision> decisions = submissions.submitAll(items, Caller.of(authentication));
    for (int i = 0; i < decisions.size(); i++) {
      Decision decision = decisions.get(i);
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
    int rejected = items.size() - accepted - duplicates;
    return new BatchReceipt(accepted, duplicates, rejected, rejected > 0, results);
  }
}
