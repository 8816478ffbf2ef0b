package io.plumbline.command.common;

import java.math.BigDecimal;

/** One written form per number, so that 99.9 and 99.90 are the same fact. */
public final class Decimals {

  private Decimals() {}

  public static BigDecimal normalize(BigDecimal value) {
    return new BigDecimal(value.stripTrailingZeros().toPlainString());
  }
}
