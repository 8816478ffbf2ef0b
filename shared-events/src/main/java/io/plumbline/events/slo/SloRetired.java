package io.plumbline.events.slo;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** An SLO was retired; it no longer counts as active. */
@EventRevision("1")
public record SloRetired(String eventId, String teamId, String sloId, Instant occurredAt)
    implements TeamEvent {}
