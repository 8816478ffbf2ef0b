package io.plumbline.command.slo;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import java.math.BigDecimal;

/** What makes an SLO definition meaningful: an objective short of perfection, a sane window. */
public final class SloRules {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final int MIN_WINDOW_DAYS = 1;
  static final int MAX_WINDOW_DAYS = 90;

  private SloRules() {}

  public static void check(BigDecimal objective, int window) {
    if (objective.signum() <= 0 || objective.compareTo(HUNDRED) >= 0) {
      throw new CommandRejectedException(
          Reason.OBJECTIVE_OUT_OF_RANGE,
          "objectivePercent",
          "The objective must lie strictly between 0 and 100 percent, but was %s."
              .formatted(objective.toPlainString()));
    }
    if (window < MIN_WINDOW_DAYS || window > MAX_WINDOW_DAYS) {
      throw new CommandRejectedException(
          Reason.WINDOW_OUT_OF_RANGE,
          "windowDays",
          "The window must be between %d and %d days, but was %d."
              .formatted(MIN_WINDOW_DAYS, MAX_WINDOW_DAYS, window));
    }
  }
}
