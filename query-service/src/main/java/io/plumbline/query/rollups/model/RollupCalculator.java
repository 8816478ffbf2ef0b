package io.plumbline.query.rollups.model;

import io.plumbline.query.org.model.GroupTree;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.rubric.model.Practice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes every group's and the org's rollup for one quarter from the team rows of that quarter
 * and the one before. A group counts the teams whose group at the quarter's end is the group or one
 * of its descendants, as the tree stood then.
 */
public final class RollupCalculator {

  /** Ratios are kept to 34 digits until the one rounding of the figure shown. */
  private static final MathContext EXACT = MathContext.DECIMAL128;

  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private RollupCalculator() {}

  public static List<Rollup> calculate(
      String quarter,
      List<TeamQuarter> rows,
      Map<String, Integer> previousOverallLevels,
      GroupTree tree,
      String rubricVersion,
      Instant now) {
    Map<String, List<TeamQuarter>> byScope = new LinkedHashMap<>();
    byScope.put(Rollup.ORG, new ArrayList<>());
    tree.nodes().keySet().forEach(g -> byScope.put(Rollup.groupScope(g), new ArrayList<>()));
    for (TeamQuarter row : rows) {
      if (!row.active()) {
        continue;
      }
      byScope.get(Rollup.ORG).add(row);
      for (String group : tree.ancestorsAndSelf(row.groupId())) {
        byScope.computeIfAbsent(Rollup.groupScope(group), k -> new ArrayList<>()).add(row);
      }
    }
    List<Rollup> rollups = new ArrayList<>();
    byScope.forEach(
        (scope, teams) -> {
          String groupId = scope.equals(Rollup.ORG) ? null : scope.substring("group:".length());
          GroupTree.GroupNode node = groupId == null ? null : tree.node(groupId);
          rollups.add(
              rollup(
                  scope,
                  groupId,
                  node == null ? null : node.name(),
                  quarter,
                  teams,
                  previousOverallLevels,
                  rubricVersion,
                  now));
        });
    return rollups;
  }

  private static Rollup rollup(
      String scope,
      String groupId,
      String groupName,
      String quarter,
      List<TeamQuarter> teams,
      Map<String, Integer> previous,
      String rubricVersion,
      Instant now) {
    Map<String, Integer> perLevel = new LinkedHashMap<>();
    for (int level = 0; level <= 5; level++) {
      int l = level;
      perLevel.put(
          String.valueOf(level), (int) teams.stream().filter(t -> t.overallLevel() == l).count());
    }
    Map<String, Integer> perLevelByExemption = new LinkedHashMap<>();
    for (int level = 0; level <= 5; level++) {
      int l = level;
      perLevelByExemption.put(
          String.valueOf(level),
          (int) teams.stream().filter(t -> t.overallLevel() == l && t.byExemption()).count());
    }
    Map<String, BigDecimal> meanLevels = new LinkedHashMap<>();
    for (Practice practice : Practice.values()) {
      String key = practice.name().toLowerCase(Locale.ROOT);
      meanLevels.put(
          key,
          mean(
              teams.stream().map(t -> BigDecimal.valueOf(t.levels().getOrDefault(key, 0))).toList(),
              2));
    }
    List<Rollup.Mover> up = new ArrayList<>();
    List<Rollup.Mover> down = new ArrayList<>();
    for (TeamQuarter team : teams) {
      Integer before = previous.get(team.teamId());
      if (before == null || before == team.overallLevel()) {
        continue;
      }
      (team.overallLevel() > before ? up : down)
          .add(new Rollup.Mover(team.teamId(), before, team.overallLevel()));
    }
    up.sort(Comparator.comparing(Rollup.Mover::teamId));
    down.sort(Comparator.comparing(Rollup.Mover::teamId));
    int tier1 = teams.stream().mapToInt(TeamQuarter::tier1Services).sum();
    int tier1Covered = teams.stream().mapToInt(TeamQuarter::tier1Covered).sum();
    List<BigDecimal> leadTimes =
        teams.stream()
            .filter(t -> t.postmortemLeadTimesSeconds() != null)
            .flatMap(t -> t.postmortemLeadTimesSeconds().stream())
            .map(seconds -> BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, EXACT))
            .toList();
    List<BigDecimal> toilShares = teams.stream().flatMap(t -> t.toilShare().stream()).toList();
    List<Rollup.TeamRestatement> restatements =
        teams.stream()
            .flatMap(
                t ->
                    t.restatements().stream()
                        .map(
                            r ->
                                new Rollup.TeamRestatement(
                                    t.teamId(),
                                    r.at(),
                                    r.eventIds(),
                                    r.reason(),
                                    r.before(),
                                    r.after())))
            .toList();
    return new Rollup(
        Rollup.id(scope, quarter),
        quarter,
        scope,
        groupId,
        groupName,
        teams.size(),
        perLevel,
        perLevelByExemption,
        mean(scores(teams), 1),
        median(scores(teams), 1),
        meanLevels,
        teams.isEmpty()
            ? null
            : ratio(teams.stream().filter(t -> t.overallLevel() >= 3).count(), teams.size()),
        up,
        down,
        tier1 == 0 ? null : ratio(tier1Covered, tier1),
        median(leadTimes, 1),
        median(toilShares, 3),
        restatements,
        teams.stream().anyMatch(TeamQuarter::rubricChangedSincePublication),
        rubricVersion,
        0,
        0,
        now);
  }

  private static List<BigDecimal> scores(List<TeamQuarter> teams) {
    // rows stored before exact scores were kept have the shown score only
    return teams.stream().map(t -> t.exactScore() != null ? t.exactScore() : t.score()).toList();
  }

  static BigDecimal mean(List<BigDecimal> values, int scale) {
    if (values.isEmpty()) {
      return null;
    }
    return values.stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(values.size()), EXACT)
        .setScale(scale, RoundingMode.HALF_UP);
  }

  /**
   * The middle value; with an even count, the mean of the two middle ones. The values are exact and
   * the median is rounded once, here.
   */
  static BigDecimal median(List<BigDecimal> values, int scale) {
    if (values.isEmpty()) {
      return null;
    }
    List<BigDecimal> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    BigDecimal middle =
        n % 2 == 1
            ? sorted.get(n / 2)
            : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), EXACT);
    return middle.setScale(scale, RoundingMode.HALF_UP);
  }

  private static BigDecimal ratio(long part, long whole) {
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
  }
}
