package io.plumbline.command.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.plumbline.events.EventTypes;
import io.plumbline.events.EventUpcasts;
import io.plumbline.events.PlumblineEvent;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a submitted event (its JSON in the contract's shape) into the contract's record and checks
 * it against the contract's constraints, or says precisely which field is wrong. Unknown fields are
 * refused so that a typo in CI does not pass.
 */
@Component
class SubmissionReader {

  /** Each event type's fields marked {@code @NotNull}, found once per type. */
  private static final ClassValue<List<String>> REQUIRED =
      new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
          return java.util.Arrays.stream(type.getRecordComponents())
              .filter(c -> c.getAccessor().isAnnotationPresent(NotNull.class))
              .map(RecordComponent::getName)
              .toList();
        }
      };

  private static final List<String> ACCEPTED =
      EventTypes.ALL.stream().map(EventTypes::nameOf).toList();

  private final ObjectMapper mapper;
  private final ObjectReader strictReader;
  private final Validator validator;
  private final ObjectReader treeReader;
  private final Clock clock;
  private final Duration maxClockSkew;
  private final Instant earliest;

  SubmissionReader(
      ObjectMapper mapper,
      Validator validator,
      Clock clock,
      @Value("${plumbline.ingest.max-clock-skew:5m}") Duration maxClockSkew,
      @Value("${plumbline.ingest.earliest-occurred-at:2000-01-01T00:00:00Z}") Instant earliest) {
    this.mapper = mapper;
    // one JSON value and nothing after it: "{…} xyz" and "{…}{…}" are not one object
    this.treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.earliest = earliest;
    this.strictReader =
        strict(mapper.copy())
            .reader()
            // a missing or null number or flag is named by validate(), after unknown fields
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // an enum is named, never numbered: "severity":0 is not SEV1
            .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    this.validator = validator;
    this.clock = clock;
    this.maxClockSkew = maxClockSkew;
  }

  /** Parses a request body that must be one JSON object. */
  ObjectNode parse(byte[] body) {
    return parseObject(body);
  }

  /** No silent conversions: a number is not a string, a string is not a number or a boolean. */
  private static ObjectMapper strict(ObjectMapper mapper) {
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
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
    PlumblineEvent event = bind(json, eventType);
    validate(json, event);
    checkInstantsAreText(json, eventType);
    checkNotInFuture(event.occurredAt());
    checkNotTooEarly(event.occurredAt());
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

  /** Parses a request body into a tree, or refuses it as malformed. */
  JsonNode parseTree(byte[] body) {
    try {
      JsonNode tree = treeReader.readTree(body);
      if (tree == null) {
        throw new IOException("empty body");
      }
      return tree;
    } catch (IOException e) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "The request body is not valid JSON" + where(e) + ".",
          List.of());
    }
  }

  private ObjectNode parseObject(byte[] body) {
    JsonNode tree = parseTree(body);
    if (!tree.isObject()) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "The request body must be one JSON object describing an event.",
          List.of());
    }
    return (ObjectNode) tree;
  }

  private static SubmissionRejectedException unknownType(String type) {
    return new SubmissionRejectedException(
        HttpStatus.BAD_REQUEST,
        "unknown-event-type",
        "type",
        "Unknown event type '%s'; accepted types: %s".formatted(type, ACCEPTED));
  }

  private <E extends PlumblineEvent> E bind(ObjectNode json, Class<E> eventType) {
    try {
      return strictReader.treeToValue(json, eventType);
    } catch (UnrecognizedPropertyException e) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "unknown-field",
          e.getPropertyName(),
          "Field '%s' is not part of this event type; known fields: %s"
              .formatted(e.getPropertyName(), e.getKnownPropertyIds()));
    } catch (JsonMappingException e) {
      String field = path(e);
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "invalid-field",
          field,
          "Field '%s' has the wrong type or format: expected %s.".formatted(field, expected(e)));
    } catch (JsonProcessingException e) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "The request body is not valid JSON" + where(e) + ".",
          List.of());
    }
  }

  /**
   * Every constraint the contract states, all at once. A required field left out is named even
   * where the record fills in a default (false, an empty list).
   */
  private void validate(ObjectNode json, PlumblineEvent event) {
    Map<String, String> messages = new TreeMap<>();
    for (String field : REQUIRED.get(event.getClass())) {
      if (!json.hasNonNull(field)) {
        messages.put(field, "must not be null");
      }
    }
    for (ConstraintViolation<PlumblineEvent> violation : validator.validate(event)) {
      messages.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
    }
    if (messages.isEmpty()) {
      return;
    }
    List<Map<String, String>> errors =
        messages.entrySet().stream()
            .map(e -> SubmissionRejectedException.error(e.getKey(), e.getValue()))
            .toList();
    String summary =
        errors.stream()
            .map(e -> e.get("field") + " " + e.get("message"))
            .collect(Collectors.joining("; "));
    throw new SubmissionRejectedException(
        HttpStatus.UNPROCESSABLE_ENTITY, "invalid-field", "Invalid submission: " + summary, errors);
  }

  /**
   * Instants are ISO-8601 strings: a number ({@code "occurredAt":1790000000}) is refused rather
   * than read as seconds or milliseconds since 1970, whichever the parser guesses.
   */
  private static void checkInstantsAreText(JsonNode json, Class<?> type) {
    for (RecordComponent component : INSTANTS.get(type)) {
      JsonNode value = json.get(component.getName());
      if (component.getType() == Instant.class) {
        if (value != null && !value.isNull() && !value.isTextual()) {
          throw notAnInstant(component.getName());
        }
      } else if (value != null && value.isArray()) {
        Class<?> element = elementType(component);
        for (int i = 0; i < value.size(); i++) {
          for (RecordComponent inner : INSTANTS.get(element)) {
            JsonNode item = value.get(i).get(inner.getName());
            if (inner.getType() == Instant.class
                && item != null
                && !item.isNull()
                && !item.isTextual()) {
              throw notAnInstant(component.getName() + "[" + i + "]." + inner.getName());
            }
          }
        }
      }
    }
  }

  /** Per type, its record components that are instants or lists of records holding some. */
  private static final ClassValue<List<RecordComponent>> INSTANTS =
      new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
          if (!type.isRecord()) {
            return List.of();
          }
          List<RecordComponent> found = new ArrayList<>();
          for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == Instant.class) {
              found.add(component);
            } else if (List.class.isAssignableFrom(component.getType())
                && elementType(component).isRecord()) {
              found.add(component);
            }
          }
          return List.copyOf(found);
        }
      };

  private static Class<?> elementType(RecordComponent list) {
    if (list.getGenericType() instanceof java.lang.reflect.ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return Object.class;
  }

  private static SubmissionRejectedException notAnInstant(String field) {
    return new SubmissionRejectedException(
        HttpStatus.BAD_REQUEST,
        "invalid-field",
        field,
        "%s must be an ISO-8601 instant in a string, such as \"2026-11-02T09:00:00Z\"."
            .formatted(field));
  }

  /** Evidence older than Plumbline's floor is a typo or an attack, not history. */
  private void checkNotTooEarly(Instant occurredAt) {
    if (occurredAt.isBefore(earliest)) {
      throw new SubmissionRejectedException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "occurred-at-too-early",
          "occurredAt",
          "occurredAt %s lies before %s, the earliest date Plumbline accepts (plumbline.ingest.earliest-occurred-at)."
              .formatted(occurredAt, earliest));
    }
  }

  private void checkNotInFuture(Instant occurredAt) {
    Instant latest = clock.instant().plus(maxClockSkew);
    if (occurredAt.isAfter(latest)) {
      throw new SubmissionRejectedException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "occurred-at-in-future",
          "occurredAt",
          "occurredAt %s lies in the future (more than %s ahead of the server clock)."
              .formatted(occurredAt, maxClockSkew));
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Where in the body JSON broke, as people count: line and column. */
  private static String where(IOException e) {
    if (e instanceof JsonProcessingException p && p.getLocation() != null) {
      return " at line %d, column %d"
          .formatted(p.getLocation().getLineNr(), p.getLocation().getColumnNr());
    }
    return "";
  }

  /** What a field should have held, in the API's words rather than the parser's. */
  private static String expected(JsonMappingException e) {
    Class<?> type =
        e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
            ? mismatch.getTargetType()
            : null;
    if (type == null) {
      return "a value of the documented type";
    }
    if (type == Instant.class) {
      return "an RFC 3339 instant as text, such as \"2026-11-02T09:00:00Z\"";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
    }
    if (type == java.math.BigDecimal.class || type == double.class || type == Double.class) {
      return "a number, such as 99.9";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object with the documented fields";
  }
}
