package io.plumbline.events.toil;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** An automation that removes a toil item shipped, saving hours each week. */
@EventRevision("1")
public record ToilAutomationShipped(
    String eventId,
    String teamId,
    String automationId,
    String description,
    BigDecimal hoursSavedPerWeek,
    Instant occurredAt)
    implements TeamEvent {}
