package io.plumbline.events.postmortem;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/**
 * A postmortem action item was closed at {@code occurredAt}; on time when that is no later than its
 * due instant.
 */
@EventRevision("1")
public record ActionItemClosed(
    String eventId,
    String teamId,
    String postmortemId,
    String actionItemId,
    boolean shippedImprovement,
    Instant occurredAt)
    implements TeamEvent {}
