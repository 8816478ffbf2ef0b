package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.events.PlumblineEvent;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Checks a bound event against every constraint the contract states, naming each broken one. */
@Component
class ContractConstraints {

  /** Each event type's fields marked {@code @NotNull}, found once per type. */
  private static final ClassValue<List<String>> REQUIRED =
      new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
          return Arrays.stream(type.getRecordComponents())
              .filter(c -> c.getAccessor().isAnnotationPresent(NotNull.class))
              .map(RecordComponent::getName)
              .toList();
        }
      };

  private final Validator validator;

  ContractConstraints(Validator validator) {
    this.validator = validator;
  }

  /**
   * Every constraint the contract states, all at once. A required field left out is named even
   * where the record fills in a default (false, an empty list).
   */
  void check(ObjectNode json, PlumblineEvent event) {
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
}
