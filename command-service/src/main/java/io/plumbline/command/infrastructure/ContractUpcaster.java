package io.plumbline.command.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.events.EventTypes;
import io.plumbline.events.EventUpcasts;
import io.plumbline.events.PlumblineEvent;
import java.util.Optional;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads stored events of earlier payload revisions as the current ones, by the contract's own
 * upcasts ({@link EventUpcasts}), so that the deciders, the publisher and the topic only ever see
 * current events. Stored events are never rewritten.
 */
final class ContractUpcaster extends SingleEventUpcaster {

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return contractName(representation.getType().getName())
        .filter(name -> EventUpcasts.upcasts(name, representation.getType().getRevision()))
        .isPresent();
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    String name = contractName(representation.getType().getName()).orElseThrow();
    String from = representation.getType().getRevision();
    Class<? extends PlumblineEvent> type = EventTypes.forName(name).orElseThrow();
    return representation.upcastPayload(
        new SimpleSerializedType(type.getName(), EventTypes.revisionOf(type)),
        JsonNode.class,
        payload -> EventUpcasts.upcast(name, from, (ObjectNode) payload));
  }

  /** The contract's name of a stored payload type (a class name), if it is an event's. */
  private static Optional<String> contractName(String storedType) {
    int dot = storedType.lastIndexOf('.');
    String simple = storedType.substring(dot + 1);
    return EventTypes.forName(simple)
        .filter(type -> type.getName().equals(storedType))
        .map(EventTypes::nameOf);
  }
}
