package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Instants are ISO-8601 strings: a number ({@code "occurredAt":1790000000}) is refused rather than
 * read as seconds or milliseconds since 1970, whichever the parser guesses.
 */
final class InstantFields {

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

  private InstantFields() {}

  /** Refuses the first instant of the type, or of a list of records in it, that is not text. */
  static void checkAreText(JsonNode json, Class<?> type) {
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

  private static Class<?> elementType(RecordComponent list) {
    if (list.getGenericType() instanceof ParameterizedType parameterized
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
}
