package io.plumbline.query.quarters;

import io.plumbline.query.rubric.Quarter;
import io.plumbline.query.rubric.admin.ActiveRubric;
import java.time.Instant;
import java.util.Set;

/**
 * Told which quarters' team figures were just recomputed, and under which rubric (the rollups
 * follow them).
 */
public interface QuartersChanged {

  void recomputed(Set<Quarter> quarters, ActiveRubric.InForce rubric, Instant now);
}
