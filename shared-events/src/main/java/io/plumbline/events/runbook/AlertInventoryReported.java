package io.plumbline.events.runbook;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The alert rules a service has; each report replaces the previous one for that service. */
@EventRevision("1")
public record AlertInventoryReported(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String serviceId,
    @NotNull @Size(max = 1000) List<@NotBlank @Size(max = 200) String> alertNames,
    @NotNull Instant occurredAt)
    implements RunbookEvent {

  public AlertInventoryReported {
    alertNames = alertNames == null ? List.of() : List.copyOf(alertNames);
  }
}
