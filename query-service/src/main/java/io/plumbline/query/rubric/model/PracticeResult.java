package io.plumbline.query.rubric.model;

import java.util.List;

/**
 * A practice's level and every criterion behind it. The level is the highest one whose criteria,
 * and those of every level below it, all passed.
 */
public record PracticeResult(Practice practice, int level, List<Criterion> criteria) {

  public PracticeResult {
    criteria = List.copyOf(criteria);
  }

  /** Derives the level from the criteria: levels are reached in order, never skipped. */
  public static PracticeResult of(Practice practice, List<Criterion> criteria) {
    int level = 0;
    for (int candidate = 1; candidate <= 5; candidate++) {
      int l = candidate;
      List<Criterion> atLevel = criteria.stream().filter(c -> c.level() == l).toList();
      if (atLevel.isEmpty() || !atLevel.stream().allMatch(Criterion::passed)) {
        break;
      }
      level = candidate;
    }
    return new PracticeResult(practice, level, criteria);
  }

  public LevelName name() {
    return LevelName.of(level);
  }
}
