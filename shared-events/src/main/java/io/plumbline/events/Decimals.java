package io.plumbline.events;

import java.math.BigDecimal;

/** One written form per number, so that 99.9 and 99.90 are the same fact. */
public final class Decimals {

  private Decimals() {}

  /** The plain form without trailing zeros ({@code 99.90} → {@code 99.9}); null stays null. */
  public static BigDecimal canonical(BigDecimal value) {
    return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
  }
}
