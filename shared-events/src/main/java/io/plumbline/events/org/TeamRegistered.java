package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** A team was registered in a group. */
@EventRevision("1")
public record TeamRegistered(
    String eventId, String teamId, String name, String groupId, Instant occurredAt)
    implements TeamEvent {}
