package io.plumbline.query.quarters.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A team's figures for one quarter, evaluated at the quarter's end (or now, for the current
 * quarter), with what rollups need, exact so that rollups round once (the score as shown, one
 * decimal, and exactly): its group then, tier-1 SLO coverage, postmortem lead times in seconds, the
 * quarter's toil and operational hours. Once the quarter is published, {@code restatements} says
 * whether the figures changed since (at most one entry: the published figures, the live ones, and
 * the events that arrived since), and {@code rubricChangedSincePublication} whether they are
 * computed under another rubric than the published ones — which is never a restatement. {@code
 * serviceTiers} are the tiers of the team's active services; {@code byExemption} whether the
 * overall level rests on an exemption; {@code factCount} how many of the team's facts had arrived
 * when it was computed (a fence: figures from fewer facts never overwrite figures from more);
 * {@code nextSteps} the criteria that failed at each practice's next level (what stands between the
 * team and it). Rows stored before a field existed have it null until they are recomputed.
 */
@Document("team_quarters")
public record TeamQuarter(
    @Id String id,
    @Indexed String teamId,
    String teamName,
    @Indexed String quarter,
    String groupId,
    boolean active,
    Map<String, Integer> levels,
    int overallLevel,
    boolean byExemption,
    BigDecimal score,
    BigDecimal exactScore,
    int tier1Services,
    int tier1Covered,
    List<Integer> serviceTiers,
    List<String> nextSteps,
    List<Long> postmortemLeadTimesSeconds,
    BigDecimal toilHours,
    BigDecimal opsHours,
    String rubricVersion,
    long rubricGeneration,
    // bookkeeping of the store's fence, not a figure: kept, not shown
    @com.fasterxml.jackson.annotation.JsonIgnore long factCount,
    Instant evaluatedAt,
    boolean rubricChangedSincePublication,
    List<Restatement> restatements) {

  public static String id(String teamId, String quarter) {
    return teamId + "|" + quarter;
  }

  /** The same figures, standing thus against the quarter's publication, under a generation. */
  public TeamQuarter standing(
      long generation, boolean rubricChanged, List<Restatement> restatements) {
    return new TeamQuarter(
        id,
        teamId,
        teamName,
        quarter,
        groupId,
        active,
        levels,
        overallLevel,
        byExemption,
        score,
        exactScore,
        tier1Services,
        tier1Covered,
        serviceTiers,
        nextSteps,
        postmortemLeadTimesSeconds,
        toilHours,
        opsHours,
        rubricVersion,
        generation,
        factCount,
        evaluatedAt,
        rubricChanged,
        restatements);
  }

  /** The team's name, or its id in rows stored before names were kept. */
  public String displayName() {
    return teamName == null ? teamId : teamName;
  }

  /**
   * Whether the team had an active service of this tier (rows stored before tiers: tier 1 only).
   */
  public boolean hasServiceOfTier(int tier) {
    return serviceTiers != null ? serviceTiers.contains(tier) : tier == 1 && tier1Services > 0;
  }

  /** Whether two evaluations of the same team and quarter differ in any reported figure. */
  public boolean sameFiguresAs(TeamQuarter other) {
    return other != null
        && active == other.active
        && java.util.Objects.equals(groupId, other.groupId)
        && levels.equals(other.levels)
        && score.compareTo(other.score) == 0
        && tier1Services == other.tier1Services
        && tier1Covered == other.tier1Covered
        && java.util.Objects.equals(postmortemLeadTimesSeconds, other.postmortemLeadTimesSeconds)
        && sameValue(toilHours, other.toilHours)
        && sameValue(opsHours, other.opsHours);
  }

  /** The quarter's toil share, exact; empty when toil was not measured this quarter. */
  public java.util.Optional<BigDecimal> toilShare() {
    return toilHours == null || opsHours == null || opsHours.signum() == 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(toilHours.divide(opsHours, java.math.MathContext.DECIMAL128));
  }

  private static boolean sameValue(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** The figures a reader compares: levels, overall level and score. */
  public record Figures(Map<String, Integer> levels, int overallLevel, BigDecimal score) {
    public static Figures of(TeamQuarter row) {
      return new Figures(row.levels(), row.overallLevel(), row.score());
    }
  }

  /**
   * Published figures that changed: since when they differ, the publication, what was published and
   * what stands now, and the events that arrived after publication and count for the quarter.
   */
  public record Restatement(
      Instant at,
      List<String> eventIds,
      String reason,
      Instant publishedAt,
      Figures before,
      Figures after) {}
}
