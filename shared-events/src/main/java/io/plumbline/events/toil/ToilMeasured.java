package io.plumbline.events.toil;

import io.plumbline.events.Decimals;
import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Toil hours and total operational hours over a period; counts in the quarter of {@code
 * occurredAt}. Toil hours never exceed operational hours.
 */
@EventRevision("1")
public record ToilMeasured(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotNull Instant periodStart,
    @NotNull Instant periodEnd,
    @NotNull BigDecimal toilHours,
    @NotNull BigDecimal opsHours,
    @NotNull Instant occurredAt)
    implements ToilEvent {
  /** Numbers in their one written form (see {@link Decimals}). */
  public ToilMeasured {
    toilHours = Decimals.canonical(toilHours);
    opsHours = Decimals.canonical(opsHours);
  }
}
