package io.plumbline.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.plumbline.events.slo.SloDefined;
import java.io.IOException;

/** The JSON form of events on the wire: ISO-8601 instants, a {@code type} property. */
public final class EventJson {

  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private EventJson() {}

  /** Teaches a mapper the event vocabulary and the contract's JSON conventions. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(new JavaTimeModule());
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    // Readers ignore fields added by later revisions of the same event.
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    EventTypes.ALL.forEach(
        type -> mapper.registerSubtypes(new NamedType(type, EventTypes.nameOf(type))));
    return mapper;
  }

  public static byte[] toBytes(PlumblineEvent event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise " + event, e);
    }
  }

  /**
   * Reads an event from its JSON form.
   *
   * @throws MalformedEventException when the bytes are not a known event
   */
  public static PlumblineEvent fromBytes(byte[] json) {
    try {
      PlumblineEvent event = MAPPER.readValue(json, PlumblineEvent.class);
      if (event instanceof SloDefined defined && defined.objectives().isEmpty()) {
        // written in an earlier revision (a fact log keeps payloads verbatim): read it as current
        return MAPPER.treeToValue(
            EventUpcasts.toCurrent((ObjectNode) MAPPER.readTree(json)), PlumblineEvent.class);
      }
      return event;
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedEventException(e.getMessage(), e);
    }
  }

  /** A payload that is not a readable event of the contract. */
  public static final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
