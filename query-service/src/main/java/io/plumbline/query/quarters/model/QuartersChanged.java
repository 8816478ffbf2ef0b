package io.plumbline.query.quarters.model;

import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.RubricInForce;
import java.time.Instant;
import java.util.Set;

/**
 * Told which quarters' team figures were just recomputed, and under which rubric (the rollups
 * follow them).
 */
public interface QuartersChanged {

  void recomputed(Set<Quarter> quarters, RubricInForce rubric, Instant now);
}
