package io.plumbline.events.runbook;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** A runbook was retired; it no longer covers any alert. */
@EventRevision("1")
public record RunbookRetired(String eventId, String teamId, String runbookId, Instant occurredAt)
    implements TeamEvent {}
