package io.plumbline.command.slo;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.math.BigDecimal;
import java.util.List;

/**
 * What makes an SLO definition meaningful: every objective short of perfection, a window of 1 to 90
 * days when there is one (months count 30 days, quarters 90, years 365, so {@code 1M} and {@code
 * 1Q} are within it and {@code 1Y} or {@code 5m} are not).
 */
public final class SloRules {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final int MIN_WINDOW_DAYS = 1;
  static final int MAX_WINDOW_DAYS = 90;
  private static final long MINUTES_PER_DAY = 24 * 60;

  private SloRules() {}

  public static void check(List<SloObjective> objectives, SloWindow window) {
    for (int i = 0; i < objectives.size(); i++) {
      BigDecimal objective = objectives.get(i).targetPercent();
      if (objective.signum() <= 0 || objective.compareTo(HUNDRED) >= 0) {
        throw new CommandRejectedException(
            Reason.OBJECTIVE_OUT_OF_RANGE,
            "objectives[%d].targetPercent".formatted(i),
            "An objective must lie strictly between 0 and 100 percent, but was %s."
                .formatted(objective.toPlainString()));
      }
    }
    if (window != null) {
      long minutes = window.nominalMinutes();
      if (minutes < MIN_WINDOW_DAYS * MINUTES_PER_DAY
          || minutes > MAX_WINDOW_DAYS * MINUTES_PER_DAY) {
        throw new CommandRejectedException(
            Reason.WINDOW_OUT_OF_RANGE,
            "window.duration",
            ("The window must be between %d and %d days (a month counts 30 days, a quarter 90,"
                    + " a year 365), but was %s.")
                .formatted(MIN_WINDOW_DAYS, MAX_WINDOW_DAYS, window.duration()));
      }
    }
  }
}
