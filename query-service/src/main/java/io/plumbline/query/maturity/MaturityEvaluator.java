package io.plumbline.query.maturity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a team's facts as of an instant. Practices without rules yet evaluate to level 0 with
 * no criteria, so the answer always has all four.
 */
public final class MaturityEvaluator {

  private final Quarter.Calendar calendar;
  private final SloPractice slos;
  private final Map<Practice, BigDecimal> weights;

  public MaturityEvaluator(
      Quarter.Calendar calendar, SloPractice slos, Map<Practice, BigDecimal> weights) {
    this.calendar = calendar;
    this.slos = slos;
    this.weights = Map.copyOf(weights);
  }

  public Quarter.Calendar calendar() {
    return calendar;
  }

  public Map<Practice, BigDecimal> weights() {
    return weights;
  }

  public TeamMaturity evaluate(TeamFacts facts, Instant asOf) {
    Period period = Period.asOf(asOf, calendar);
    Map<Practice, PracticeResult> results = new EnumMap<>(Practice.class);
    for (Practice practice : Practice.values()) {
      results.put(practice, new PracticeResult(practice, 0, List.of()));
    }
    results.put(Practice.SLOS, slos.evaluate(facts, period));
    return new TeamMaturity(facts.teamId(), period.quarter(), asOf, results);
  }
}
