package io.plumbline.command.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.events.EventJson;
import io.plumbline.events.PlumblineEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * One stored event as a line of an export: its position in the store, the aggregate and sequence it
 * was stored under, its message id and timestamp, its metadata, and the event itself in the
 * contract's JSON. An import stores it back as it was, so the figures computed from it are too.
 */
record EventLine(
    long position,
    String aggregateType,
    String aggregateId,
    long sequence,
    String messageId,
    Instant timestamp,
    Map<String, Object> metaData,
    PlumblineEvent event) {

  static final ObjectMapper JSON = EventJson.configure(new ObjectMapper());

  static EventLine of(TrackedEventMessage<?> message, long position) {
    DomainEventMessage<?> stored = (DomainEventMessage<?>) message;
    return new EventLine(
        position,
        stored.getType(),
        stored.getAggregateIdentifier(),
        stored.getSequenceNumber(),
        stored.getIdentifier(),
        stored.getTimestamp(),
        new LinkedHashMap<>(stored.getMetaData()),
        (PlumblineEvent) stored.getPayload());
  }

  /** The line as written: one JSON object, no line break inside. */
  String write() {
    ObjectNode line = JSON.createObjectNode();
    line.put("position", position);
    line.put("aggregateType", aggregateType);
    line.put("aggregateId", aggregateId);
    line.put("sequence", sequence);
    line.put("messageId", messageId);
    line.put("timestamp", timestamp.toString());
    line.set("metaData", JSON.valueToTree(metaData));
    line.set("event", JSON.valueToTree(event));
    return line.toString();
  }

  /**
   * A line as read back.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  @SuppressWarnings("unchecked")
  static EventLine read(String text) {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("it is not one JSON object");
    }
    for (String field :
        new String[] {
          "position", "aggregateType", "aggregateId", "sequence", "messageId", "timestamp", "event"
        }) {
      if (!line.hasNonNull(field)) {
        throw new IllegalArgumentException("it has no " + field);
      }
    }
    PlumblineEvent event;
    try {
      event = EventJson.fromBytes(JSON.writeValueAsBytes(line.get("event")));
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "its event is not one of the contract's: " + e.getMessage());
    }
    return new EventLine(
        line.get("position").asLong(),
        line.get("aggregateType").asText(),
        line.get("aggregateId").asText(),
        line.get("sequence").asLong(),
        line.get("messageId").asText(),
        Instant.parse(line.get("timestamp").asText()),
        line.hasNonNull("metaData") ? JSON.convertValue(line.get("metaData"), Map.class) : Map.of(),
        event);
  }

  /** The message to store: the same aggregate, sequence, id, time and metadata as exported. */
  DomainEventMessage<PlumblineEvent> message() {
    return new GenericDomainEventMessage<>(
        aggregateType, aggregateId, sequence, event, metaData, messageId, timestamp);
  }

  /** Whether a stored message is this line's event, stored where the line says. */
  boolean sameAs(DomainEventMessage<?> stored) {
    return stored.getIdentifier().equals(messageId)
        && stored.getAggregateIdentifier().equals(aggregateId)
        && stored.getSequenceNumber() == sequence;
  }
}
