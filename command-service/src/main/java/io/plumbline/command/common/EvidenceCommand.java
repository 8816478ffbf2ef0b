package io.plumbline.command.common;

import java.time.Instant;

/** A command that, once accepted, becomes exactly one event carrying the same id and instant. */
public interface EvidenceCommand {

  /** Client-chosen id of the resulting event; a retry with the same id changes nothing. */
  String eventId();

  Instant occurredAt();

  /** The aggregate that decides on the command. */
  String aggregateId();
}
