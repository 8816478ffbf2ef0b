package io.plumbline.query.team.model;

import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.rubric.model.Criterion;
import io.plumbline.query.rubric.model.LevelName;
import io.plumbline.query.rubric.model.PracticeResult;
import io.plumbline.query.rubric.model.Rubric;
import io.plumbline.query.rubric.model.TeamMaturity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JSON answer of the maturity read: every practice, its level, its criteria and evidence. */
public record MaturityView(
    String teamId,
    String quarter,
    Instant asOf,
    String rubricVersion,
    int overallLevel,
    String overallName,
    BigDecimal score,
    Map<String, PracticeView> practices,
    boolean restated,
    List<TeamQuarter.Restatement> restatements,
    boolean rubricChangedSincePublication) {

  public static MaturityView of(TeamMaturity maturity, Rubric rubric, Optional<TeamQuarter> row) {
    List<TeamQuarter.Restatement> restatements =
        row.map(TeamQuarter::restatements).orElse(List.of());
    Map<String, PracticeView> practices = new LinkedHashMap<>();
    maturity
        .practices()
        .forEach(
            (practice, result) ->
                practices.put(practice.name().toLowerCase(Locale.ROOT), PracticeView.of(result)));
    int overall = maturity.overallLevel();
    return new MaturityView(
        maturity.teamId(),
        maturity.quarter().toString(),
        maturity.asOf(),
        rubric.version(),
        overall,
        LevelName.of(overall).name(),
        maturity.score(rubric.weights()),
        practices,
        !restatements.isEmpty(),
        restatements,
        row.map(TeamQuarter::rubricChangedSincePublication).orElse(false));
  }

  record PracticeView(int level, String name, List<Criterion> criteria) {
    public static PracticeView of(PracticeResult result) {
      return new PracticeView(result.level(), result.name().name(), result.criteria());
    }
  }
}
