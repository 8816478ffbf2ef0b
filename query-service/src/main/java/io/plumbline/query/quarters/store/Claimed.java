package io.plumbline.query.quarters.store;

import io.plumbline.query.rubric.model.RubricInForce;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks a replica holds, the replica, and the rubric in force and the instant when it claimed them.
 */
public record Claimed(List<DirtyTeam> marks, String replica, RubricInForce inForce, Instant now) {

  /** The marks in {@code parts} slices of about equal size, for workers side by side. */
  public List<Claimed> split(int parts) {
    List<Claimed> slices = new ArrayList<>();
    int size = (marks.size() + parts - 1) / Math.max(1, parts);
    for (int from = 0; from < marks.size(); from += size) {
      slices.add(
          new Claimed(
              marks.subList(from, Math.min(marks.size(), from + size)), replica, inForce, now));
    }
    return slices;
  }
}
