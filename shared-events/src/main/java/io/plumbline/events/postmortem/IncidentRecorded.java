package io.plumbline.events.postmortem;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** An incident the team handled, from its start to its resolution. */
@EventRevision("1")
public record IncidentRecorded(
    String eventId,
    String teamId,
    String incidentId,
    Severity severity,
    Instant startedAt,
    Instant resolvedAt,
    Instant occurredAt)
    implements TeamEvent {}
