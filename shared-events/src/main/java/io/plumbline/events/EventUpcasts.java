package io.plumbline.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.events.slo.SloDefined;

/**
 * Reads payloads of earlier revisions as the current one, on plain JSON so that every reader — the
 * event store's upcaster, the topic's consumer, the submission API — shares one definition.
 *
 * <ul>
 *   <li>{@code SloDefined} 1 → 2: {@code objectivePercent} becomes the one entry of {@code
 *       objectives}, {@code windowDays} a rolling {@code window} of that many days.
 * </ul>
 */
public final class EventUpcasts {

  private static final String SLO_DEFINED = EventTypes.nameOf(SloDefined.class);

  private EventUpcasts() {}

  /** Whether a payload of this type and revision is read through {@link #upcast}. */
  public static boolean upcasts(String typeName, String revision) {
    return SLO_DEFINED.equals(typeName) && "1".equals(revision);
  }

  /**
   * The payload in the current revision of its type, given the revision it was written in. A
   * payload already current is returned as it is.
   */
  public static ObjectNode upcast(String typeName, String revision, ObjectNode payload) {
    if (upcasts(typeName, revision)) {
      return sloDefined1To2(payload);
    }
    return payload;
  }

  /**
   * The revision a payload without a recorded revision was written in, told by its shape (the
   * {@code type} property names its type): the topic's fact logs keep payloads verbatim.
   */
  public static String revisionOfShape(JsonNode payload) {
    String type = payload.path("type").asText();
    if (SLO_DEFINED.equals(type)
        && !payload.has("objectives")
        && (payload.has("objectivePercent") || payload.has("windowDays"))) {
      return "1";
    }
    return EventTypes.forName(type).map(EventTypes::revisionOf).orElse(null);
  }

  /** The payload in the current revision, its revision told by its shape. */
  public static ObjectNode toCurrent(ObjectNode payload) {
    return upcast(payload.path("type").asText(), revisionOfShape(payload), payload);
  }

  private static ObjectNode sloDefined1To2(ObjectNode v1) {
    ObjectNode v2 = v1.deepCopy();
    JsonNode objective = v2.remove("objectivePercent");
    JsonNode days = v2.remove("windowDays");
    ArrayNode objectives = v2.putArray("objectives");
    if (objective != null && !objective.isNull()) {
      objectives.addObject().set("targetPercent", objective);
    }
    if (days != null && !days.isNull()) {
      ObjectNode window = JsonNodeFactory.instance.objectNode();
      // a number stays a number here: the submission reader refuses "windowDays":"30" as before
      window.put("duration", days.isIntegralNumber() ? days.asLong() + "d" : days.toString());
      window.put("calendarAligned", false);
      v2.set("window", window);
    }
    return v2;
  }
}
