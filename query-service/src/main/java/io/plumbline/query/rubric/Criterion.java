package io.plumbline.query.rubric;

import java.util.List;

/**
 * One check of the rubric at one level, whether it passed, and the ids of the events it rests on
 * (what satisfied it, or what stands in its way); {@code detail} says it in words.
 */
public record Criterion(
    int level,
    String id,
    String description,
    boolean passed,
    String detail,
    List<String> evidence) {

  public Criterion {
    evidence = List.copyOf(evidence);
  }
}
