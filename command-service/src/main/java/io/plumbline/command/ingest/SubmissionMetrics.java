package io.plumbline.command.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plumbline.command.common.Outcome;
import io.plumbline.events.EventTypes;
import org.springframework.stereotype.Component;

/**
 * Counts submissions by event type and outcome, and refusals by type and reason. Both label sets
 * are bounded: event types come from the contract (anything else counts as "unknown") and reasons
 * are the API's fixed reason codes.
 */
@Component
class SubmissionMetrics {

  static final String UNKNOWN = "unknown";

  private final MeterRegistry meters;

  SubmissionMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void accepted(String type, Outcome outcome) {
    Counter.builder("plumbline.submissions")
        .description(
            "Submitted events that were stored (accepted) or recognised as retries (duplicate)")
        .tag("type", bounded(type))
        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .register(meters)
        .increment();
  }

  void rejected(String type, String reason) {
    Counter.builder("plumbline.submissions.rejected")
        .description("Submissions refused with a problem, by event type and reason")
        .tag("type", bounded(type))
        .tag("reason", reason == null ? UNKNOWN : reason)
        .register(meters)
        .increment();
  }

  /** Counts a refusal by its problem's reason; a refusal without a problem is not counted. */
  void refused(String type, RuntimeException refusal) {
    ProblemAdvice.problemFor(refusal)
        .ifPresent(problem -> rejected(type, (String) problem.getProperties().get("reason")));
  }

  /** Counts a batch item by its outcome, or by its refusal. */
  void decided(String type, Decision decision) {
    if (decision.refusal() == null) {
      accepted(type, decision.outcome());
    } else {
      refused(type, decision.refusal());
    }
  }

  private static String bounded(String type) {
    return type != null && EventTypes.forName(type).isPresent() ? type : UNKNOWN;
  }
}
