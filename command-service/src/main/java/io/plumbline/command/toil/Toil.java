package io.plumbline.command.toil;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.toil.ToilAutomationShipped;
import io.plumbline.events.toil.ToilEvent;
import io.plumbline.events.toil.ToilMeasured;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides on toil reports: hours that add up (toil within operational hours), a period that moves
 * forward, an automation that saves at most the hours of a week. A measurement of exactly the
 * period of an accepted one is a re-measurement, which supersedes it; one that overlaps an accepted
 * period only in part is refused, since the same hours would count twice.
 */
public final class Toil {

  static final BigDecimal HOURS_IN_A_WEEK = BigDecimal.valueOf(168);

  /** The periods measured, each with the event that first measured it. */
  private Map<String, MeasuredPeriod> periods = new HashMap<>();

  /** A measured period; a plain class, for the snapshot serializer. */
  static final class MeasuredPeriod {
    private String eventId;
    private Instant start;
    private Instant end;

    private MeasuredPeriod() {}

    MeasuredPeriod(String eventId, Instant start, Instant end) {
      this.eventId = eventId;
      this.start = start;
      this.end = end;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof MeasuredPeriod that
          && eventId.equals(that.eventId)
          && start.equals(that.start)
          && end.equals(that.end);
    }

    @Override
    public int hashCode() {
      return eventId.hashCode();
    }

    boolean overlapsInPart(Instant otherStart, Instant otherEnd) {
      boolean same = start.equals(otherStart) && end.equals(otherEnd);
      return !same && otherStart.isBefore(end) && start.isBefore(otherEnd);
    }
  }

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(ToilEvent event) {
    if (event instanceof ToilMeasured measured) {
      hoursAddUp(measured);
      aPeriodMovesForward(measured);
      periodsDoNotOverlapInPart(measured);
    } else if (event instanceof ToilAutomationShipped automation) {
      atMostTheHoursOfAWeek(automation.hoursSavedPerWeek());
    }
    return event;
  }

  public void evolve(TeamEvent event) {
    if (event instanceof ToilMeasured measured) {
      periods.putIfAbsent(
          periodKey(measured),
          new MeasuredPeriod(measured.eventId(), measured.periodStart(), measured.periodEnd()));
    }
  }

  private void periodsDoNotOverlapInPart(ToilMeasured measured) {
    for (MeasuredPeriod accepted : periods.values()) {
      if (accepted.overlapsInPart(measured.periodStart(), measured.periodEnd())) {
        throw new CommandRejectedException(
            Reason.OVERLAPPING_PERIOD,
            "periodStart",
            ("The period %s – %s overlaps in part the period %s – %s measured by event '%s'; "
                    + "measure the same period again to supersede it, or a period apart.")
                .formatted(
                    measured.periodStart(),
                    measured.periodEnd(),
                    accepted.start,
                    accepted.end,
                    accepted.eventId));
      }
    }
  }

  private static String periodKey(ToilMeasured measured) {
    return measured.periodStart() + "/" + measured.periodEnd();
  }

  private static void hoursAddUp(ToilMeasured measured) {
    if (measured.toilHours().signum() < 0) {
      throw hours("toilHours", "Toil hours cannot be negative.");
    }
    if (measured.opsHours().signum() <= 0) {
      throw hours("opsHours", "Operational hours must be positive.");
    }
    if (measured.toilHours().compareTo(measured.opsHours()) > 0) {
      throw new CommandRejectedException(
          Reason.TOIL_EXCEEDS_OPS,
          "toilHours",
          "Toil hours (%s) cannot exceed operational hours (%s)."
              .formatted(
                  measured.toilHours().toPlainString(), measured.opsHours().toPlainString()));
    }
  }

  private static void aPeriodMovesForward(ToilMeasured measured) {
    if (!measured.periodEnd().isAfter(measured.periodStart())) {
      throw new CommandRejectedException(
          Reason.PERIOD_ENDS_BEFORE_START,
          "periodEnd",
          "The period must end (%s) after it starts (%s)."
              .formatted(measured.periodEnd(), measured.periodStart()));
    }
  }

  private static void atMostTheHoursOfAWeek(BigDecimal hoursSaved) {
    if (hoursSaved.signum() < 0 || hoursSaved.compareTo(HOURS_IN_A_WEEK) > 0) {
      throw hours("hoursSavedPerWeek", "Hours saved per week must lie between 0 and 168.");
    }
  }

  private static CommandRejectedException hours(String field, String message) {
    return new CommandRejectedException(Reason.HOURS_OUT_OF_RANGE, field, message);
  }
}
