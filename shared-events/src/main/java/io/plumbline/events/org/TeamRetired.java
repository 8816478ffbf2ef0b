package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** A team was retired; it leaves rollups from this instant on. */
@EventRevision("1")
public record TeamRetired(String eventId, String teamId, Instant occurredAt) implements TeamEvent {}
