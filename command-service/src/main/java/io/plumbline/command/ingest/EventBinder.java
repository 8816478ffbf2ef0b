package io.plumbline.command.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.plumbline.events.PlumblineEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Binds a submitted JSON object to its contract record without silent conversions, refusing an
 * unknown field or a field of the wrong type in the API's words.
 */
@Component
class EventBinder {

  private final ObjectReader strictReader;

  EventBinder(ObjectMapper mapper) {
    this.strictReader =
        strict(mapper.copy())
            .reader()
            // a missing or null number or flag is named by ContractConstraints, after unknown
            // fields
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // an enum is named, never numbered: "severity":0 is not SEV1
            .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
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

  <E extends PlumblineEvent> E bind(ObjectNode json, Class<E> eventType) {
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
      throw JsonBodies.notJson(e);
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

  /** What a field should have held, in the API's words rather than the parser's. */
  private static String expected(JsonMappingException e) {
    Class<?> type =
        e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (type == null) {
      return "a value of the documented type";
    }
    if (type == Instant.class) {
      return "an RFC 3339 instant as text, such as \"2026-11-02T09:00:00Z\"";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
    }
    if (type == BigDecimal.class || type == double.class || type == Double.class) {
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
