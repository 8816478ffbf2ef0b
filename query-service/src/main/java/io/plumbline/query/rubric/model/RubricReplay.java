package io.plumbline.query.rubric.model;

/** Replays the figures under the rubric in force (done by the quarters package). */
public interface RubricReplay {

  /**
   * Marks every quarter of every team for recomputation.
   *
   * @return how many teams were marked
   */
  int replayAll();

  /** How many teams still wait to be recomputed. */
  long pendingTeams();
}
