package io.plumbline.command.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Refuses an occurredAt in the future or before the earliest date Plumbline accepts. */
@Component
class OccurredAtWindow {

  private final Clock clock;
  private final Duration maxClockSkew;
  private final Instant earliest;

  OccurredAtWindow(
      Clock clock,
      @Value("${plumbline.ingest.max-clock-skew:5m}") Duration maxClockSkew,
      @Value("${plumbline.ingest.earliest-occurred-at:2000-01-01T00:00:00Z}") Instant earliest) {
    this.clock = clock;
    this.maxClockSkew = maxClockSkew;
    this.earliest = earliest;
  }

  void check(Instant occurredAt) {
    checkNotInFuture(occurredAt);
    checkNotTooEarly(occurredAt);
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
}
