package io.plumbline.command.toil;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import java.math.BigDecimal;

/** What makes a toil report meaningful: hours that add up, a period that moves forward. */
public final class ToilRules {

  private ToilRules() {}

  public static void check(MeasureToil command) {
    if (command.toilHours().signum() < 0) {
      throw hours("toilHours", "Toil hours cannot be negative.");
    }
    if (command.opsHours().signum() <= 0) {
      throw hours("opsHours", "Operational hours must be positive.");
    }
    if (command.toilHours().compareTo(command.opsHours()) > 0) {
      throw new CommandRejectedException(
          Reason.TOIL_EXCEEDS_OPS,
          "toilHours",
          "Toil hours (%s) cannot exceed operational hours (%s)."
              .formatted(command.toilHours().toPlainString(), command.opsHours().toPlainString()));
    }
    if (!command.periodEnd().isAfter(command.periodStart())) {
      throw new CommandRejectedException(
          Reason.PERIOD_ENDS_BEFORE_START,
          "periodEnd",
          "The period must end (%s) after it starts (%s)."
              .formatted(command.periodEnd(), command.periodStart()));
    }
  }

  public static void check(ShipToilAutomation command) {
    if (command.hoursSavedPerWeek().signum() < 0
        || command.hoursSavedPerWeek().compareTo(BigDecimal.valueOf(168)) > 0) {
      throw hours("hoursSavedPerWeek", "Hours saved per week must lie between 0 and 168.");
    }
  }

  private static CommandRejectedException hours(String field, String message) {
    return new CommandRejectedException(Reason.HOURS_OUT_OF_RANGE, field, message);
  }
}
