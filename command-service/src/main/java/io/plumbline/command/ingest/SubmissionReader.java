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
import io.plumbline.command.common.EvidenceCommand;
import io.plumbline.events.EventTypes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns a submitted event (its JSON in the contract's shape) into the command it asks for, or says
 * precisely which field is wrong. Unknown fields are refused so that a typo in CI does not pass.
 */
@Component
class SubmissionReader {

  private final ObjectMapper mapper;
  private final ObjectReader strictReader;
  private final Validator validator;
  private final Clock clock;
  private final Duration maxClockSkew;

  SubmissionReader(
      ObjectMapper mapper,
      Validator validator,
      Clock clock,
      @Value("${plumbline.ingest.max-clock-skew:5m}") Duration maxClockSkew) {
    this.mapper = mapper;
    this.strictReader =
        strict(mapper.copy())
            .reader()
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
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

  EvidenceCommand read(ObjectNode original) {
    ObjectNode json = original.deepCopy();
    String type = json.path("type").asText(null);
    if (type == null || type.isBlank()) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "missing-event-type",
          "type",
          "The submission needs a 'type'; accepted types: " + SubmissionTypes.accepted());
    }
    Class<? extends EvidenceCommand> commandType =
        SubmissionTypes.commandFor(type).orElseThrow(() -> unknownType(type));
    json.remove("type");
    EvidenceCommand command = bind(json, commandType);
    validate(command);
    checkNotInFuture(command.occurredAt());
    return command;
  }

  /** Parses a request body into a tree, or refuses it as malformed. */
  JsonNode parseTree(byte[] body) {
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null) {
        throw new IOException("empty body");
      }
      return tree;
    } catch (IOException e) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "The request body is not valid JSON: " + originalMessage(e),
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
    String message =
        EventTypes.forName(type).isPresent()
            ? "Event type '%s' is part of the contract but not accepted by this version yet; accepted types: %s"
            : "Unknown event type '%s'; accepted types: %s";
    return new SubmissionRejectedException(
        HttpStatus.BAD_REQUEST,
        "unknown-event-type",
        "type",
        message.formatted(type, SubmissionTypes.accepted()));
  }

  private <C extends EvidenceCommand> C bind(ObjectNode json, Class<C> commandType) {
    try {
      return strictReader.treeToValue(json, commandType);
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
          "Field '%s' has the wrong type or format: %s".formatted(field, originalMessage(e)));
    } catch (JsonProcessingException e) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST, "malformed-json", originalMessage(e), List.of());
    }
  }

  private void validate(EvidenceCommand command) {
    Set<ConstraintViolation<EvidenceCommand>> violations = validator.validate(command);
    if (violations.isEmpty()) {
      return;
    }
    List<Map<String, String>> errors =
        violations.stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(
                v ->
                    SubmissionRejectedException.error(
                        v.getPropertyPath().toString(), v.getMessage()))
            .toList();
    String summary =
        errors.stream()
            .map(e -> e.get("field") + " " + e.get("message"))
            .collect(Collectors.joining("; "));
    throw new SubmissionRejectedException(
        HttpStatus.UNPROCESSABLE_ENTITY, "invalid-field", "Invalid submission: " + summary, errors);
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
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
  }
}
