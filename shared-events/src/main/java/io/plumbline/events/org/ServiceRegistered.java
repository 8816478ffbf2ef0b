package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** A service owned by the team was registered with its tier (1 = most critical … 3). */
@EventRevision("1")
public record ServiceRegistered(
    String eventId, String teamId, String serviceId, String name, int tier, Instant occurredAt)
    implements TeamEvent {}
