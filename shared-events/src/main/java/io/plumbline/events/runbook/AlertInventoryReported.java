package io.plumbline.events.runbook;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;
import java.util.List;

/** The alert rules a service has; each report replaces the previous one for that service. */
@EventRevision("1")
public record AlertInventoryReported(
    String eventId, String teamId, String serviceId, List<String> alertNames, Instant occurredAt)
    implements TeamEvent {

  public AlertInventoryReported {
    alertNames = alertNames == null ? List.of() : List.copyOf(alertNames);
  }
}
