package io.plumbline.events.slo;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An SLO was defined, or redefined with the same {@code sloId}: the latest definition before an
 * instant is the one in force. {@code objectivePercent} lies strictly between 0 and 100.
 */
@EventRevision("1")
public record SloDefined(
    String eventId,
    String teamId,
    String sloId,
    String serviceId,
    SliKind sliKind,
    BigDecimal objectivePercent,
    int windowDays,
    boolean errorBudgetPolicy,
    boolean burnRateAlerts,
    Instant occurredAt)
    implements TeamEvent {

  /** Error budget in minutes: (1 − objective) × window; 43.2 at 99.9 % over 30 days. */
  public BigDecimal errorBudgetMinutes() {
    BigDecimal unavailable = BigDecimal.ONE.subtract(objectivePercent.movePointLeft(2));
    return unavailable.multiply(BigDecimal.valueOf(windowDays * 24L * 60L)).stripTrailingZeros();
  }
}
