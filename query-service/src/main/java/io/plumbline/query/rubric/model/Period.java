package io.plumbline.query.rubric.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The instants an evaluation needs: T (exclusive), the start of the quarter holding the instant
 * before T ("this quarter" is [quarterStart, T)), and the previous quarter's bounds.
 */
public record Period(Instant asOf, Quarter quarter, Instant quarterStart, Instant previousStart) {

  public static Period asOf(Instant asOf, Quarter.Calendar calendar) {
    Quarter quarter = calendar.quarterEndingBy(asOf);
    return new Period(asOf, quarter, calendar.start(quarter), calendar.start(quarter.previous()));
  }

  /** T − n days: the start of "the last n days". */
  public Instant daysBefore(int days) {
    return asOf.minus(Duration.ofDays(days));
  }

  public boolean inThisQuarter(Instant instant) {
    return !instant.isBefore(quarterStart) && instant.isBefore(asOf);
  }

  public boolean inPreviousQuarter(Instant instant) {
    return !instant.isBefore(previousStart) && instant.isBefore(quarterStart);
  }
}
