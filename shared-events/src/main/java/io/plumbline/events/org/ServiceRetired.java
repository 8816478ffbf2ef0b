package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** A service was retired; it no longer counts as active. */
@EventRevision("1")
public record ServiceRetired(String eventId, String teamId, String serviceId, Instant occurredAt)
    implements TeamEvent {}
