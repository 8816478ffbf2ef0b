package io.plumbline.query.rubric.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads and writes rubric files (YAML, or JSON, which is YAML too). */
public final class RubricDocument {

  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private RubricDocument() {}

  /**
   * @throws InvalidRubricException when the text is not a complete, valid rubric
   */
  public static Rubric parse(String text) {
    try {
      Rubric rubric = YAML.readValue(text, Rubric.class);
      if (rubric == null) {
        throw new InvalidRubricException("The rubric is empty");
      }
      return rubric;
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new InvalidRubricException(cause.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidRubricException(e.getMessage());
    }
  }

  public static Rubric parse(InputStream in) {
    try {
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default rubric that ships with Plumbline. */
  public static Rubric defaultRubric() {
    try (InputStream in = RubricDocument.class.getResourceAsStream("/rubric/default.yaml")) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rubric text that cannot be used, with the reason. */
  public static final class InvalidRubricException extends RuntimeException {
    public InvalidRubricException(String message) {
      super(message);
    }
  }
}
