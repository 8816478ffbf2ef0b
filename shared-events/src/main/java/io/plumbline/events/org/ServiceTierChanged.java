package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** A service's tier changed; its tier at an instant is the latest before it. */
@EventRevision("1")
public record ServiceTierChanged(
    String eventId, String teamId, String serviceId, int tier, Instant occurredAt)
    implements TeamEvent {}
