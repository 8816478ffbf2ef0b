package io.plumbline.events.slo;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** The team reviewed an SLO against what its users experienced. */
@EventRevision("1")
public record SloReviewed(String eventId, String teamId, String sloId, Instant occurredAt)
    implements TeamEvent {}
