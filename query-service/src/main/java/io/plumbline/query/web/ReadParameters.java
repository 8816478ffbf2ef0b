package io.plumbline.query.web;

import io.plumbline.query.refusal.RequestRefused;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The query parameters reads share, checked with clear problems (quarters: ActiveRubric). */
public final class ReadParameters {

  private ReadParameters() {}

  /**
   * An instant no later than now: figures cover what has happened, so an instant in the future is
   * refused rather than answered with figures of quarters that have not begun.
   */
  public static Instant pastInstant(String value, String name, Instant now) {
    Instant instant = instant(value, name);
    if (instant.isAfter(now)) {
      throw new RequestRefused(
          RequestRefused.Kind.MALFORMED,
          "invalid-parameter",
          name,
          "%s is %s, in the future; figures cover up to now (%s).".formatted(name, value, now));
    }
    return instant;
  }

  public static Instant instant(String value, String name) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new RequestRefused(
          RequestRefused.Kind.MALFORMED,
          "invalid-parameter",
          name,
          "%s must be an ISO-8601 instant such as 2026-10-01T00:00:00Z, not '%s'."
              .formatted(name, value));
    }
  }
}
