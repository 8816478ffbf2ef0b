package io.plumbline.query.rubric.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A team's maturity as of an instant: a level per practice, the overall level (the weakest practice
 * holds the team back) and a 0–100 score for finer trend lines.
 */
public record TeamMaturity(
    String teamId, Quarter quarter, Instant asOf, Map<Practice, PracticeResult> practices) {

  public TeamMaturity {
    practices = Collections.unmodifiableMap(new EnumMap<>(practices));
  }

  public int overallLevel() {
    return practices.values().stream().mapToInt(PracticeResult::level).min().orElse(0);
  }

  /**
   * Whether the overall level rests on an exemption: a criterion at or below it passed by
   * exemption.
   */
  public boolean overallLevelByExemption() {
    int overall = overallLevel();
    return practices.values().stream()
        .flatMap(result -> result.criteria().stream())
        .anyMatch(c -> c.passedByExemption() && c.level() <= overall);
  }

  /** 20 × the weighted mean of the practice levels, rounded to one decimal. */
  public BigDecimal score(Map<Practice, BigDecimal> weights) {
    return exactScore(weights).setScale(1, RoundingMode.HALF_UP);
  }

  /** The score before rounding, for figures computed from many teams' scores and rounded once. */
  public BigDecimal exactScore(Map<Practice, BigDecimal> weights) {
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal totalWeight = BigDecimal.ZERO;
    for (PracticeResult result : practices.values()) {
      BigDecimal weight = weights.getOrDefault(result.practice(), BigDecimal.ONE);
      weighted = weighted.add(weight.multiply(BigDecimal.valueOf(result.level())));
      totalWeight = totalWeight.add(weight);
    }
    if (totalWeight.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return weighted
        .multiply(BigDecimal.valueOf(20))
        .divide(totalWeight, java.math.MathContext.DECIMAL128);
  }
}
