package io.plumbline.query.quarters;

import io.plumbline.query.rubric.Quarter;
import java.time.Instant;
import java.util.Set;

/** Told which quarters' team figures were just recomputed (the rollups follow them). */
public interface QuartersChanged {

  void recomputed(Set<Quarter> quarters, Instant now);
}
