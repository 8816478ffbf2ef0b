package io.plumbline.query.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/** The query parameters reads share, checked with clear problems (quarters: ActiveRubric). */
public final class ReadParameters {

  private ReadParameters() {}

  public static Instant instant(String value, String name) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "invalid-parameter",
          name,
          "%s must be an ISO-8601 instant such as 2026-10-01T00:00:00Z, not '%s'."
              .formatted(name, value));
    }
  }
}
