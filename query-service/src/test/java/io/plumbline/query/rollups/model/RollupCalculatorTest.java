package io.plumbline.query.rollups.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.query.org.model.GroupTree;
import io.plumbline.query.org.model.GroupTree.GroupNode;
import io.plumbline.query.quarters.model.TeamQuarter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupCalculatorTest {

  private static final Instant NOW = Instant.parse("2026-10-05T00:00:00Z");

  private static final GroupTree TREE = tree();

  private static GroupTree tree() {
    Map<String, GroupNode> tree = new LinkedHashMap<>();
    tree.put("eng", new GroupNode("eng", "Engineering", null));
    tree.put("pay", new GroupNode("pay", "Payments", "eng"));
    tree.put("web", new GroupNode("web", "Web", "eng"));
    return new GroupTree(tree);
  }

  private static TeamQuarter row(
      String team,
      String group,
      boolean active,
      int slos,
      int pm,
      int rb,
      int toil,
      int tier1,
      int covered,
      List<Double> leadTimes,
      String toilShare) {
    int overall = Math.min(Math.min(slos, pm), Math.min(rb, toil));
    BigDecimal score = BigDecimal.valueOf((slos + pm + rb + toil) * 5L).setScale(1);
    return new TeamQuarter(
        TeamQuarter.id(team, "2026-Q3"),
        team,
        "Team " + team,
        "2026-Q3",
        group,
        active,
        Map.of("slos", slos, "postmortems", pm, "runbooks", rb, "toil", toil),
        overall,
        false,
        score,
        score,
        tier1,
        covered,
        List.of(),
        List.of(),
        leadTimes.stream().map(hours -> Math.round(hours * 3600)).toList(),
        toilShare == null ? null : new BigDecimal(toilShare).multiply(BigDecimal.valueOf(100)),
        toilShare == null ? null : BigDecimal.valueOf(100),
        "default-1",
        0,
        0,
        NOW,
        false,
        List.of());
  }

  private static Map<String, Rollup> byScope(List<Rollup> rollups) {
    Map<String, Rollup> map = new LinkedHashMap<>();
    rollups.forEach(r -> map.put(r.scope(), r));
    return map;
  }

  @Test
  void aGroupCountsTheTeamsOfItsSubgroupsAndRetiredTeamsCountNowhere() {
    List<TeamQuarter> rows =
        List.of(
            row("a", "pay", true, 3, 3, 4, 5, 2, 1, List.of(10.0, 30.0), "0.25"),
            row("b", "pay", true, 1, 2, 2, 2, 1, 1, List.of(20.0), "0.5"),
            row("c", "web", true, 4, 4, 4, 4, 0, 0, List.of(), null),
            row("d", "web", false, 5, 5, 5, 5, 1, 1, List.of(1.0), "0.1"));

    Map<String, Rollup> rollups =
        byScope(
            RollupCalculator.calculate(
                "2026-Q3", rows, Map.of("a", 2, "b", 1, "c", 4), TREE, "default-1", NOW));

    Rollup org = rollups.get("org");
    assertThat(org.teams()).isEqualTo(3);
    assertThat(org.teamsPerLevel())
        .containsEntry("1", 1)
        .containsEntry("3", 1)
        .containsEntry("4", 1);
    // scores: a = 75.0, b = 35.0, c = 80.0
    assertThat(org.meanScore()).isEqualByComparingTo("63.3");
    assertThat(org.medianScore()).isEqualByComparingTo("75.0");
    assertThat(org.meanLevelPerPractice().get("slos")).isEqualByComparingTo("2.67");
    assertThat(org.shareAtLevel3OrAbove()).isEqualByComparingTo("0.667");
    assertThat(org.moversUp()).containsExactly(new Rollup.Mover("a", 2, 3));
    assertThat(org.moversDown()).isEmpty();
    assertThat(org.tier1SloCoverage()).isEqualByComparingTo("0.667");
    assertThat(org.medianPostmortemLeadTimeHours()).isEqualByComparingTo("20.0");
    assertThat(org.medianToilShare()).isEqualByComparingTo("0.375");

    assertThat(rollups.get("group:eng").teams()).isEqualTo(3);
    assertThat(rollups.get("group:pay").teams()).isEqualTo(2);
    assertThat(rollups.get("group:web").teams()).isEqualTo(1);
    assertThat(rollups.get("group:web").tier1SloCoverage()).isNull();
    assertThat(rollups.get("group:web").medianToilShare()).isNull();
  }

  @Test
  void sharesAndLeadTimesAreRoundedOnceFromExactValues() {
    TeamQuarter only = row("a", "pay", true, 2, 2, 2, 2, 0, 0, List.of(), null);
    TeamQuarter exact =
        new TeamQuarter(
            only.id(),
            only.teamId(),
            only.teamName(),
            only.quarter(),
            only.groupId(),
            true,
            only.levels(),
            only.overallLevel(),
            false,
            only.score(),
            only.exactScore(),
            0,
            0,
            List.of(),
            List.of(),
            List.of(4482L), // 1.245 h: 1.25 rounded to hundredths, which rounds on to 1.3
            new BigDecimal("93.95"), // of 240 h: 0.39146, which 0.3915 would round on to 0.392
            new BigDecimal("240"),
            "default-1",
            0,
            0,
            NOW,
            false,
            List.of());

    Rollup org =
        byScope(RollupCalculator.calculate("2026-Q3", List.of(exact), Map.of(), TREE, "v", NOW))
            .get("org");

    assertThat(org.medianToilShare()).isEqualByComparingTo("0.391");
    assertThat(org.medianPostmortemLeadTimeHours()).isEqualByComparingTo("1.2");
  }

  @Test
  void theMedianAndMeanScoreAreRoundedOnceFromTheTeamsExactScores() {
    List<TeamQuarter> rows = new java.util.ArrayList<>();
    for (String[] team : new String[][] {{"a", "22.45"}, {"b", "23.0"}}) {
      TeamQuarter r = row(team[0], "pay", true, 2, 2, 2, 2, 0, 0, List.of(), null);
      BigDecimal exact = new BigDecimal(team[1]);
      rows.add(
          new TeamQuarter(
              r.id(),
              r.teamId(),
              r.teamName(),
              r.quarter(),
              r.groupId(),
              true,
              r.levels(),
              r.overallLevel(),
              false,
              exact.setScale(1, java.math.RoundingMode.HALF_UP), // shown: 22.5 and 23.0
              exact,
              0,
              0,
              List.of(),
              List.of(),
              List.of(),
              null,
              null,
              "default-1",
              0,
              0,
              NOW,
              false,
              List.of()));
    }

    Rollup org =
        byScope(RollupCalculator.calculate("2026-Q3", rows, Map.of(), TREE, "v", NOW)).get("org");

    // from the shown scores: (22.5 + 23.0) / 2 = 22.75 → 22.8; exactly 22.725 → 22.7
    assertThat(org.medianScore()).isEqualByComparingTo("22.7");
    assertThat(org.meanScore()).isEqualByComparingTo("22.7");
  }

  @Test
  void moversOnlyCompareTeamsPresentInBothQuarters() {
    List<TeamQuarter> rows =
        List.of(
            row("a", "pay", true, 1, 1, 1, 1, 0, 0, List.of(), null),
            row("new", "pay", true, 3, 3, 3, 3, 0, 0, List.of(), null));

    Rollup org =
        byScope(RollupCalculator.calculate("2026-Q3", rows, Map.of("a", 2), TREE, "v", NOW))
            .get("org");

    assertThat(org.moversDown()).containsExactly(new Rollup.Mover("a", 2, 1));
    assertThat(org.moversUp()).isEmpty();
  }

  @Test
  void anEmptyGroupHasZeroTeamsAndNoAverages() {
    Rollup web =
        byScope(RollupCalculator.calculate("2026-Q3", List.of(), Map.of(), TREE, "v", NOW))
            .get("group:web");

    assertThat(web.teams()).isZero();
    assertThat(web.meanScore()).isNull();
    assertThat(web.shareAtLevel3OrAbove()).isNull();
  }
}
