package io.plumbline.query.rubric.model;

import io.plumbline.events.postmortem.Severity;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The maturity rubric as data: thresholds, windows and weights. Versioned, so that stored figures
 * say which rubric produced them and a new version can be replayed over history.
 */
public record Rubric(
    String version,
    Map<Practice, BigDecimal> weights,
    SloRules slos,
    PostmortemRules postmortems,
    RunbookRules runbooks,
    ToilRules toil) {

  public Rubric {
    require(version != null && !version.isBlank(), "version is required");
    Objects.requireNonNull(slos, "slos rules are required");
    Objects.requireNonNull(postmortems, "postmortems rules are required");
    Objects.requireNonNull(runbooks, "runbooks rules are required");
    Objects.requireNonNull(toil, "toil rules are required");
    Map<Practice, BigDecimal> all = new EnumMap<>(Practice.class);
    for (Practice practice : Practice.values()) {
      BigDecimal weight = weights == null ? null : weights.get(practice);
      all.put(practice, weight == null ? BigDecimal.ONE : weight);
      require(all.get(practice).signum() >= 0, "weights cannot be negative");
    }
    require(
        all.values().stream().anyMatch(w -> w.signum() > 0),
        "at least one weight must be positive");
    weights = Map.copyOf(all);
  }

  /** SLO practice: which tiers need burn-rate alerts (level 3) and an SLO at all (level 5). */
  public record SloRules(Set<Integer> burnRateAlertTiers, Set<Integer> fullCoverageTiers) {
    public SloRules {
      burnRateAlertTiers = Set.copyOf(burnRateAlertTiers);
      fullCoverageTiers = Set.copyOf(fullCoverageTiers);
    }
  }

  /** Postmortem practice: the look-back window, what counts as major, and the required shares. */
  public record PostmortemRules(
      int lookbackDays,
      Set<Severity> majorSeverities,
      int publishWithinDays,
      BigDecimal publishedShare,
      BigDecimal onTimeShare,
      int otherTeamsInvolved) {
    public PostmortemRules {
      require(lookbackDays > 0, "postmortems.lookbackDays must be positive");
      require(publishWithinDays > 0, "postmortems.publishWithinDays must be positive");
      majorSeverities = Set.copyOf(majorSeverities);
      share(publishedShare, "postmortems.publishedShare");
      share(onTimeShare, "postmortems.onTimeShare");
      require(otherTeamsInvolved > 0, "postmortems.otherTeamsInvolved must be positive");
    }
  }

  /** Runbook practice: coverage thresholds, review windows and the automated share. */
  public record RunbookRules(
      BigDecimal ownedCoverage,
      BigDecimal proactiveCoverage,
      int proactiveReviewDays,
      BigDecimal automatedShare,
      BigDecimal multiplyingCoverage,
      int multiplyingReviewDays) {
    public RunbookRules {
      share(ownedCoverage, "runbooks.ownedCoverage");
      share(proactiveCoverage, "runbooks.proactiveCoverage");
      share(automatedShare, "runbooks.automatedShare");
      share(multiplyingCoverage, "runbooks.multiplyingCoverage");
      require(proactiveReviewDays > 0, "runbooks.proactiveReviewDays must be positive");
      require(multiplyingReviewDays > 0, "runbooks.multiplyingReviewDays must be positive");
    }
  }

  /** Toil practice: the highest toil share allowed at levels 2, 4 and 5. */
  public record ToilRules(
      BigDecimal ownedMaxShare, BigDecimal enforcedMaxShare, BigDecimal multiplyingMaxShare) {
    public ToilRules {
      share(ownedMaxShare, "toil.ownedMaxShare");
      share(enforcedMaxShare, "toil.enforcedMaxShare");
      share(multiplyingMaxShare, "toil.multiplyingMaxShare");
    }
  }

  private static void share(BigDecimal value, String name) {
    require(
        value != null && value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0,
        name + " must be a share between 0 and 1");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
