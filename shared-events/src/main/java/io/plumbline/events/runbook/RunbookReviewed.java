package io.plumbline.events.runbook;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** A runbook was reviewed and found current. */
@EventRevision("1")
public record RunbookReviewed(String eventId, String teamId, String runbookId, Instant occurredAt)
    implements TeamEvent {}
