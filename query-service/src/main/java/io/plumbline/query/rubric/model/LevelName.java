package io.plumbline.query.rubric.model;

/** The names of levels 0 to 5, the same for every practice. */
public enum LevelName {
  NONE,
  REACTIVE,
  OWNED,
  PROACTIVE,
  ENFORCED,
  MULTIPLYING;

  public static LevelName of(int level) {
    return values()[level];
  }
}
