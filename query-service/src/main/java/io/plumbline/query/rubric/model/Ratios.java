package io.plumbline.query.rubric.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact comparisons of ratios with thresholds: exactly 50 % passes "≥ 50 %". */
final class Ratios {

  private Ratios() {}

  static boolean atLeast(long part, long whole, BigDecimal threshold) {
    return BigDecimal.valueOf(part).compareTo(threshold.multiply(BigDecimal.valueOf(whole))) >= 0;
  }

  static boolean atMost(BigDecimal part, BigDecimal whole, BigDecimal threshold) {
    return part.compareTo(threshold.multiply(whole)) <= 0;
  }

  static String percent(long part, long whole) {
    return whole == 0 ? "n/a" : percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
  }

  static String percent(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return "n/a";
    }
    return part.multiply(BigDecimal.valueOf(100))
            .divide(whole, 1, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }
}
