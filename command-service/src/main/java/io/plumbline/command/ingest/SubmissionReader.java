package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.events.EventTypes;
import io.plumbline.events.EventUpcasts;
import io.plumbline.events.PlumblineEvent;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a submitted event (its JSON in the contract's shape) into the contract's record and checks
 * it against the contract's constraints, or says precisely which field is wrong. Unknown fields are
 * refused so that a typo in CI does not pass.
 */
@Component
class SubmissionReader {

  private static final List<String> ACCEPTED =
      EventTypes.ALL.stream().map(EventTypes::nameOf).toList();

  private final EventBinder binder;
  private final ContractConstraints constraints;
  private final OccurredAtWindow occurredAtWindow;

  SubmissionReader(
      EventBinder binder, ContractConstraints constraints, OccurredAtWindow occurredAtWindow) {
    this.binder = binder;
    this.constraints = constraints;
    this.occurredAtWindow = occurredAtWindow;
  }

  PlumblineEvent read(ObjectNode submitted) {
    checkEarlierRevision(submitted);
    // a submission in an earlier revision's shape is read as the current revision
    ObjectNode json = EventUpcasts.toCurrent(submitted);
    String type = json.path("type").asText(null);
    if (type == null || type.isBlank()) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "missing-event-type",
          "type",
          "The submission needs a 'type'; accepted types: " + ACCEPTED);
    }
    Class<? extends PlumblineEvent> eventType =
        EventTypes.forName(type).orElseThrow(() -> unknownType(type));
    PlumblineEvent event = binder.bind(json, eventType);
    constraints.check(json, event);
    InstantFields.checkAreText(json, eventType);
    occurredAtWindow.check(event.occurredAt());
    return event;
  }

  /**
   * A submission in revision 1's shape of {@code SloDefined} ({@code objectivePercent}, {@code
   * windowDays}) is still accepted; its own fields are checked by their own names before it is read
   * as the current revision.
   */
  private static void checkEarlierRevision(ObjectNode json) {
    if (!"SloDefined".equals(json.path("type").asText())
        || !"1".equals(EventUpcasts.revisionOfShape(json))) {
      return;
    }
    JsonNode objective = json.get("objectivePercent");
    if (objective == null || objective.isNull()) {
      throw new SubmissionRejectedException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "invalid-field",
          "Invalid submission: objectivePercent must not be null",
          List.of(SubmissionRejectedException.error("objectivePercent", "must not be null")));
    }
    if (!objective.isNumber()) {
      throw wrongType("objectivePercent", "a number such as 99.9");
    }
    JsonNode days = json.get("windowDays");
    if (days != null && !days.isNull() && !days.isIntegralNumber()) {
      throw wrongType("windowDays", "a whole number of days such as 30");
    }
  }

  private static SubmissionRejectedException wrongType(String field, String expected) {
    return new SubmissionRejectedException(
        HttpStatus.BAD_REQUEST,
        "invalid-field",
        field,
        "Field '%s' has the wrong type or format: expected %s.".formatted(field, expected));
  }

  private static SubmissionRejectedException unknownType(String type) {
    return new SubmissionRejectedException(
        HttpStatus.BAD_REQUEST,
        "unknown-event-type",
        "type",
        "Unknown event type '%s'; accepted types: %s".formatted(type, ACCEPTED));
  }
}
