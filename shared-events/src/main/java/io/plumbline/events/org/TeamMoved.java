package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** A team moved to another group in a reorg. */
@EventRevision("1")
public record TeamMoved(
    String eventId, String teamId, String fromGroupId, String toGroupId, Instant occurredAt)
    implements TeamEvent {}
