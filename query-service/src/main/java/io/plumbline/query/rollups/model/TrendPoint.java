package io.plumbline.query.rollups.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Map;

/** A quarter's figures, movers and restatements counted. */
@JsonPropertyOrder({
  "quarter",
  "teams",
  "level0",
  "level1",
  "level2",
  "level3",
  "level4",
  "level5",
  "meanScore",
  "medianScore",
  "meanSlos",
  "meanPostmortems",
  "meanRunbooks",
  "meanToil",
  "shareAtLevel3OrAbove",
  "tier1SloCoverage",
  "medianPostmortemLeadTimeHours",
  "medianToilShare",
  "moversUp",
  "moversDown",
  "restatedTeams",
  "teamsByExemption",
  "rubricVersion"
})
public record TrendPoint(
    String quarter,
    int teams,
    int level0,
    int level1,
    int level2,
    int level3,
    int level4,
    int level5,
    BigDecimal meanScore,
    BigDecimal medianScore,
    BigDecimal meanSlos,
    BigDecimal meanPostmortems,
    BigDecimal meanRunbooks,
    BigDecimal meanToil,
    BigDecimal shareAtLevel3OrAbove,
    BigDecimal tier1SloCoverage,
    BigDecimal medianPostmortemLeadTimeHours,
    BigDecimal medianToilShare,
    int moversUp,
    int moversDown,
    int restatedTeams,
    int teamsByExemption,
    String rubricVersion) {

  public static TrendPoint of(Rollup r) {
    Map<String, Integer> levels = r.teamsPerLevel();
    Map<String, BigDecimal> means = r.meanLevelPerPractice();
    return new TrendPoint(
        r.quarter(),
        r.teams(),
        levels.getOrDefault("0", 0),
        levels.getOrDefault("1", 0),
        levels.getOrDefault("2", 0),
        levels.getOrDefault("3", 0),
        levels.getOrDefault("4", 0),
        levels.getOrDefault("5", 0),
        r.meanScore(),
        r.medianScore(),
        means.get("slos"),
        means.get("postmortems"),
        means.get("runbooks"),
        means.get("toil"),
        r.shareAtLevel3OrAbove(),
        r.tier1SloCoverage(),
        r.medianPostmortemLeadTimeHours(),
        r.medianToilShare(),
        r.moversUp().size(),
        r.moversDown().size(),
        (int) r.restatements().stream().map(Rollup.TeamRestatement::teamId).distinct().count(),
        r.teamsPerLevelByExemption() == null
            ? 0
            : r.teamsPerLevelByExemption().values().stream().mapToInt(Integer::intValue).sum(),
        r.rubricVersion());
  }
}
