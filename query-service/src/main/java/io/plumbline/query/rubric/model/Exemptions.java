package io.plumbline.query.rubric.model;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.exemption.ExemptionGranted;
import io.plumbline.events.exemption.ExemptionRevoked;
import io.plumbline.query.facts.model.TeamFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exemptions that stand at an instant, and what they do to a practice's criteria: a failed
 * criterion with a standing exemption passes by exemption, saying so. An exemption stands at T when
 * it was granted before T, was not revoked before T and does not expire before T — so one that
 * expires at a quarter's end covers that quarter. Expiry follows the clock: no event ends it.
 */
final class Exemptions {

  private final Map<String, Criterion.Exemption> byCriterion;

  private Exemptions(Map<String, Criterion.Exemption> byCriterion) {
    this.byCriterion = byCriterion;
  }

  static Exemptions standingAt(TeamFacts facts, Instant asOf) {
    Map<String, ExemptionGranted> granted = new LinkedHashMap<>();
    for (TeamEvent event : facts.before(asOf)) {
      if (event instanceof ExemptionGranted grant) {
        granted.put(grant.exemptionId(), grant);
      } else if (event instanceof ExemptionRevoked revocation) {
        granted.remove(revocation.exemptionId());
      }
    }
    Map<String, Criterion.Exemption> byCriterion = new HashMap<>();
    for (ExemptionGranted grant : granted.values()) {
      if (!grant.expiresAt().isBefore(asOf)) {
        // of two standing exemptions from one criterion, the one that lasts longer is shown
        byCriterion.merge(
            grant.criterionId(),
            new Criterion.Exemption(
                grant.exemptionId(),
                grant.reason(),
                grant.approvedBy(),
                grant.expiresAt(),
                grant.eventId()),
            (a, b) -> a.expiresAt().isAfter(b.expiresAt()) ? a : b);
      }
    }
    return new Exemptions(byCriterion);
  }

  PracticeResult applyTo(PracticeResult result) {
    if (byCriterion.isEmpty()) {
      return result;
    }
    List<Criterion> criteria = new ArrayList<>();
    for (Criterion c : result.criteria()) {
      Criterion.Exemption exemption = c.passed() ? null : byCriterion.get(c.id());
      if (exemption == null) {
        criteria.add(c);
        continue;
      }
      List<String> evidence = new ArrayList<>(c.evidence());
      evidence.add(exemption.eventId());
      criteria.add(
          new Criterion(
              c.level(),
              c.id(),
              c.description(),
              true,
              "%s; passed by exemption until %s (%s, approved by %s)"
                  .formatted(
                      c.detail(),
                      exemption.expiresAt(),
                      exemption.reason(),
                      exemption.approvedBy()),
              evidence,
              exemption));
    }
    return PracticeResult.of(result.practice(), criteria);
  }
}
