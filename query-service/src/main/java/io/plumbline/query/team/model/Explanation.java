package io.plumbline.query.team.model;

import io.plumbline.query.rubric.model.Criterion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A team's figures with the difference to the previous quarter: which practice levels moved and
 * which criteria flipped, with the evidence behind each.
 */
public record Explanation(
    MaturityView current,
    MaturityView previous,
    Change overall,
    BigDecimal scoreChange,
    List<PracticeChange> practiceChanges,
    List<CriterionChange> criteriaChanges) {

  record Change(int from, int to) {}

  record PracticeChange(String practice, int from, int to) {}

  record CriterionChange(
      String practice,
      String criterion,
      int level,
      boolean before,
      boolean now,
      boolean byExemptionBefore,
      boolean byExemptionNow,
      String detail,
      List<String> evidence) {}

  public static Explanation of(MaturityView current, MaturityView previous) {
    List<PracticeChange> practices = new ArrayList<>();
    List<CriterionChange> criteria = new ArrayList<>();
    for (Map.Entry<String, MaturityView.PracticeView> entry : current.practices().entrySet()) {
      MaturityView.PracticeView now = entry.getValue();
      MaturityView.PracticeView before = previous.practices().get(entry.getKey());
      if (before.level() != now.level()) {
        practices.add(new PracticeChange(entry.getKey(), before.level(), now.level()));
      }
      for (Criterion criterion : now.criteria()) {
        before.criteria().stream()
            .filter(
                c ->
                    c.id().equals(criterion.id())
                        && (c.passed() != criterion.passed()
                            || c.passedByExemption() != criterion.passedByExemption()))
            .findFirst()
            .ifPresent(
                old ->
                    criteria.add(
                        new CriterionChange(
                            entry.getKey(),
                            criterion.id(),
                            criterion.level(),
                            old.passed(),
                            criterion.passed(),
                            old.passedByExemption(),
                            criterion.passedByExemption(),
                            criterion.detail(),
                            criterion.evidence())));
      }
    }
    return new Explanation(
        current,
        previous,
        new Change(previous.overallLevel(), current.overallLevel()),
        current.score().subtract(previous.score()),
        practices,
        criteria);
  }
}
