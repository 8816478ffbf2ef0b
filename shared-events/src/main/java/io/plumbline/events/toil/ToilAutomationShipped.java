package io.plumbline.events.toil;

import io.plumbline.events.Decimals;
import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** An automation that removes a toil item shipped, saving hours each week. */
@EventRevision("1")
public record ToilAutomationShipped(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String automationId,
    @NotBlank @Size(max = 500) String description,
    @NotNull BigDecimal hoursSavedPerWeek,
    @NotNull Instant occurredAt)
    implements ToilEvent {
  /** Numbers in their one written form (see {@link Decimals}). */
  public ToilAutomationShipped {
    hoursSavedPerWeek = Decimals.canonical(hoursSavedPerWeek);
  }
}
