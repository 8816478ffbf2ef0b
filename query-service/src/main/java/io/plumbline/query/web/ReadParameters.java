package io.plumbline.query.web;

import io.plumbline.query.maturity.Quarter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/** The query parameters reads share — a quarter or an instant — checked with clear problems. */
public final class ReadParameters {

  private ReadParameters() {}

  /** The quarter asked for, or the current one; never one that has not started. */
  public static Quarter quarter(String value, Quarter.Calendar calendar, Instant now) {
    Quarter current = calendar.quarterOf(now);
    if (value == null) {
      return current;
    }
    Quarter quarter;
    try {
      quarter = Quarter.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-parameter", "quarter", e.getMessage());
    }
    if (quarter.compareTo(current) > 0) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "invalid-parameter",
          "quarter",
          "Quarter %s has not started yet; the current quarter is %s.".formatted(quarter, current));
    }
    return quarter;
  }

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
