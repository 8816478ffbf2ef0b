package io.plumbline.events.runbook;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;
import java.util.List;

/**
 * A runbook for some of a service's alerts was published (or republished with the same id);
 * publication counts as a review.
 */
@EventRevision("1")
public record RunbookPublished(
    String eventId,
    String teamId,
    String runbookId,
    String serviceId,
    List<String> coveredAlerts,
    boolean automated,
    Instant occurredAt)
    implements TeamEvent {

  public RunbookPublished {
    coveredAlerts = coveredAlerts == null ? List.of() : List.copyOf(coveredAlerts);
  }
}
