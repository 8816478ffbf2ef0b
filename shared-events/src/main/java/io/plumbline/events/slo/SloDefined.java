package io.plumbline.events.slo;

import io.plumbline.events.Decimals;
import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import io.plumbline.events.TeamEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An SLO was defined, or redefined with the same {@code sloId}: the latest definition before an
 * instant is the one in force. {@code objectivePercent} lies strictly between 0 and 100.
 */
@EventRevision("1")
public record SloDefined(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String sloId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String serviceId,
    @NotNull SliKind sliKind,
    @NotNull BigDecimal objectivePercent,
    @NotNull int windowDays,
    @NotNull boolean errorBudgetPolicy,
    @NotNull boolean burnRateAlerts,
    @NotNull Instant occurredAt)
    implements TeamEvent {

  /** Numbers in their one written form (see {@link Decimals}). */
  public SloDefined {
    objectivePercent = Decimals.canonical(objectivePercent);
  }

  /** Error budget in minutes: (1 − objective) × window; 43.2 at 99.9 % over 30 days. */
  public BigDecimal errorBudgetMinutes() {
    BigDecimal unavailable = BigDecimal.ONE.subtract(objectivePercent.movePointLeft(2));
    return unavailable.multiply(BigDecimal.valueOf(windowDays * 24L * 60L)).stripTrailingZeros();
  }
}
