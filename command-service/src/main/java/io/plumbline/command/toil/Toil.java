package io.plumbline.command.toil;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.toil.ToilAutomationShipped;
import io.plumbline.events.toil.ToilMeasured;
import java.math.BigDecimal;

/**
 * Decides on toil reports: hours that add up (toil within operational hours), a period that moves
 * forward, an automation that saves at most the hours of a week. Toil keeps no state of its own.
 */
public final class Toil {

  static final BigDecimal HOURS_IN_A_WEEK = BigDecimal.valueOf(168);

  private Toil() {}

  public static boolean decides(TeamEvent event) {
    return event instanceof ToilMeasured || event instanceof ToilAutomationShipped;
  }

  /** The event to store, or the refusal of the rule it breaks. */
  public static TeamEvent decide(TeamEvent event) {
    if (event instanceof ToilMeasured measured) {
      hoursAddUp(measured);
      aPeriodMovesForward(measured);
    } else if (event instanceof ToilAutomationShipped automation) {
      atMostTheHoursOfAWeek(automation.hoursSavedPerWeek());
    }
    return event;
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
