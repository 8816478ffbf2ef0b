package io.plumbline.query.team.model;

import io.plumbline.query.org.model.GroupTree;
import io.plumbline.query.quarters.model.TeamQuarter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One team in a quarter's listing: where it sat in the org, its levels and score, how its overall
 * level moved against the quarter before ({@code new} when it had no figures then), whether its
 * published figures were restated, whether its overall level rests on an exemption, and the
 * criteria between it and each practice's next level.
 */
public record TeamRow(
    String teamId,
    String teamName,
    String groupId,
    List<String> groupPath,
    Map<String, Integer> levels,
    int overallLevel,
    boolean byExemption,
    BigDecimal score,
    Integer previousOverallLevel,
    String movement,
    boolean restated,
    List<Integer> serviceTiers,
    List<String> nextSteps) {

  static TeamRow of(TeamQuarter row, Integer previousLevel, GroupTree tree) {
    String movement =
        previousLevel == null
            ? "new"
            : row.overallLevel() > previousLevel
                ? "up"
                : row.overallLevel() < previousLevel ? "down" : "unchanged";
    return new TeamRow(
        row.teamId(),
        row.displayName(),
        row.groupId(),
        tree.path(row.groupId()),
        row.levels(),
        row.overallLevel(),
        row.byExemption(),
        row.score(),
        previousLevel,
        movement,
        !row.restatements().isEmpty(),
        row.serviceTiers() == null ? List.of() : row.serviceTiers(),
        row.nextSteps() == null ? List.of() : row.nextSteps());
  }
}
