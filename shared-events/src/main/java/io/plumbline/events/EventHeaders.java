package io.plumbline.events;

/** Kafka record header names of the contract. */
public final class EventHeaders {

  /** The event's type name, as in {@link EventTypes}. */
  public static final String TYPE = "plumbline-event-type";

  /** The payload revision, as in {@link EventRevision}. */
  public static final String REVISION = "plumbline-event-revision";

  /** ISO-8601 instant at which the command service accepted and stored the event. */
  public static final String RECORDED_AT = "plumbline-recorded-at";

  private EventHeaders() {}
}
