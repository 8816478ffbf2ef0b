package io.plumbline.events.runbook;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A runbook for some of a service's alerts was published (or republished with the same id);
 * publication counts as a review.
 */
@EventRevision("1")
public record RunbookPublished(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String runbookId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String serviceId,
    @NotNull @Size(max = 1000) List<@NotBlank @Size(max = 200) String> coveredAlerts,
    @NotNull boolean automated,
    @NotNull Instant occurredAt)
    implements RunbookEvent {

  public RunbookPublished {
    coveredAlerts = coveredAlerts == null ? List.of() : List.copyOf(coveredAlerts);
  }
}
