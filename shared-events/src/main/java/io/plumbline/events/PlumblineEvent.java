package io.plumbline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A fact submitted to Plumbline. The JSON form carries a {@code type} property naming the event
 * (see {@link EventTypes}); the revision travels beside the payload (Axon metadata, Kafka header).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface PlumblineEvent {

  /** Client-chosen identifier that makes a submission safe to retry. */
  String eventId();

  /** When it happened in the submitter's world; may lie in the past. */
  Instant occurredAt();

  /** Kafka record key: events with the same key stay ordered. */
  @JsonIgnore
  String partitionKey();
}
