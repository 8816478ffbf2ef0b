package io.plumbline.query.rollups.model;

import io.plumbline.query.quarters.model.TeamQuarter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What leadership reads for a group (with its subgroups) or the whole org in one quarter. Ratios
 * are fractions (0.75 = 75 %); {@code null} where a figure has nothing to be computed from. {@code
 * teamsPerLevelByExemption} counts, of the teams at each level, those whose level rests on an
 * exemption.
 */
@Document("rollups")
public record Rollup(
    @Id String id,
    @Indexed String quarter,
    String scope,
    String groupId,
    String groupName,
    int teams,
    Map<String, Integer> teamsPerLevel,
    Map<String, Integer> teamsPerLevelByExemption,
    BigDecimal meanScore,
    BigDecimal medianScore,
    Map<String, BigDecimal> meanLevelPerPractice,
    BigDecimal shareAtLevel3OrAbove,
    List<Mover> moversUp,
    List<Mover> moversDown,
    BigDecimal tier1SloCoverage,
    BigDecimal medianPostmortemLeadTimeHours,
    BigDecimal medianToilShare,
    List<TeamRestatement> restatements,
    boolean rubricChangedSincePublication,
    String rubricVersion,
    long rubricGeneration,
    // bookkeeping of the store's fence, not a figure: kept, not shown
    @com.fasterxml.jackson.annotation.JsonIgnore long rowsVersion,
    Instant computedAt) {

  public static final String ORG = "org";

  public static String id(String scope, String quarter) {
    return scope + "|" + quarter;
  }

  public static String groupScope(String groupId) {
    return "group:" + groupId;
  }

  /**
   * The same figures, as computed under the given rubric generation from the quarter's rows as they
   * stood at a version (see QuarterVersions).
   */
  public Rollup under(long generation, long rowsVersion) {
    return new Rollup(
        id,
        quarter,
        scope,
        groupId,
        groupName,
        teams,
        teamsPerLevel,
        teamsPerLevelByExemption,
        meanScore,
        medianScore,
        meanLevelPerPractice,
        shareAtLevel3OrAbove,
        moversUp,
        moversDown,
        tier1SloCoverage,
        medianPostmortemLeadTimeHours,
        medianToilShare,
        restatements,
        rubricChangedSincePublication,
        rubricVersion,
        generation,
        rowsVersion,
        computedAt);
  }

  /** A team whose overall level changed against the previous quarter. */
  public record Mover(String teamId, int from, int to) {}

  /**
   * A team of the rollup whose figures changed since the quarter was published: what was published,
   * what stands now, and the events that arrived since.
   */
  public record TeamRestatement(
      String teamId,
      Instant at,
      List<String> eventIds,
      String reason,
      TeamQuarter.Figures before,
      TeamQuarter.Figures after) {}
}
