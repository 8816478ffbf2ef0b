package io.plumbline.query.rubric.model;

import java.time.Instant;
import java.util.List;

/**
 * One check of the rubric at one level, whether it passed, and the ids of the events it rests on
 * (what satisfied it, or what stands in its way); {@code detail} says it in words. A criterion that
 * passed by exemption names it: the check itself failed, an approver let it pass until then.
 */
public record Criterion(
    int level,
    String id,
    String description,
    boolean passed,
    String detail,
    List<String> evidence,
    Exemption exemption) {

  public Criterion {
    evidence = List.copyOf(evidence);
  }

  public Criterion(
      int level,
      String id,
      String description,
      boolean passed,
      String detail,
      List<String> evidence) {
    this(level, id, description, passed, detail, evidence, null);
  }

  /** Whether it passed only because an exemption stood. */
  public boolean passedByExemption() {
    return exemption != null;
  }

  /** The exemption a criterion passed by: why, who approved it, until when, which event. */
  public record Exemption(
      String exemptionId, String reason, String approvedBy, Instant expiresAt, String eventId) {}
}
