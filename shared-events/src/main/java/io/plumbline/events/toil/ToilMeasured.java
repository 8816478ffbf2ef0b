package io.plumbline.events.toil;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Toil hours and total operational hours over a period; counts in the quarter of {@code
 * occurredAt}. Toil hours never exceed operational hours.
 */
@EventRevision("1")
public record ToilMeasured(
    String eventId,
    String teamId,
    Instant periodStart,
    Instant periodEnd,
    BigDecimal toilHours,
    BigDecimal opsHours,
    Instant occurredAt)
    implements TeamEvent {}
