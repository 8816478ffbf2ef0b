package io.plumbline.events;

/** Kafka topic names of the contract. */
public final class Topics {

  /** Every Plumbline event, keyed by {@link PlumblineEvent#partitionKey()}. */
  public static final String EVENTS = "plumbline.events.v1";

  /** Records the query side could not read, with the reason in a header. */
  public static final String EVENTS_DEAD_LETTER = "plumbline.events.v1.dlt";

  private Topics() {}
}
