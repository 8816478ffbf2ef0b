package io.plumbline.query.team.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.plumbline.query.rubric.model.Quarter;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** A team's row of a quarter as one CSV line: levels, score, movement, next steps. */
@JsonPropertyOrder({
  "quarter",
  "teamId",
  "teamName",
  "groupId",
  "groupPath",
  "slos",
  "postmortems",
  "runbooks",
  "toil",
  "overallLevel",
  "byExemption",
  "score",
  "previousOverallLevel",
  "movement",
  "restated",
  "serviceTiers",
  "nextSteps"
})
public record TeamCsvRow(
    String quarter,
    String teamId,
    String teamName,
    String groupId,
    String groupPath,
    Integer slos,
    Integer postmortems,
    Integer runbooks,
    Integer toil,
    int overallLevel,
    boolean byExemption,
    BigDecimal score,
    Integer previousOverallLevel,
    String movement,
    boolean restated,
    String serviceTiers,
    String nextSteps) {

  public static TeamCsvRow of(Quarter quarter, TeamRow row) {
    return new TeamCsvRow(
        quarter.toString(),
        row.teamId(),
        row.teamName(),
        row.groupId(),
        String.join(" / ", row.groupPath()),
        row.levels().get("slos"),
        row.levels().get("postmortems"),
        row.levels().get("runbooks"),
        row.levels().get("toil"),
        row.overallLevel(),
        row.byExemption(),
        row.score(),
        row.previousOverallLevel(),
        row.movement(),
        row.restated(),
        row.serviceTiers().stream().map(String::valueOf).collect(Collectors.joining(" ")),
        String.join(" ", row.nextSteps()));
  }
}
