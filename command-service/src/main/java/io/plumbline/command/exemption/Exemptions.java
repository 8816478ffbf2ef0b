package io.plumbline.command.exemption;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Lifespan;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.exemption.ExemptionEvent;
import io.plumbline.events.exemption.ExemptionGranted;
import io.plumbline.events.exemption.ExemptionRevoked;
import io.plumbline.events.exemption.RubricCriteria;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides on the team's exemptions: an exemption names a criterion the rubric has and expires after
 * it was granted; an exemption id is granted once; a revocation is dated within the exemption's
 * life, once.
 */
public final class Exemptions {

  private Map<String, Lifespan> lives = new HashMap<>();

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(ExemptionEvent event) {
    if (event instanceof ExemptionGranted grant) {
      anExemptionNamesACriterionOfTheRubric(grant);
      anExemptionExpiresAfterItIsGranted(grant);
      if (lives.containsKey(grant.exemptionId())) {
        throw new CommandRejectedException(
            Reason.ALREADY_EXISTS,
            "exemptionId",
            "Exemption '%s' was already granted; grant a new one under another id."
                .formatted(grant.exemptionId()));
      }
    } else if (event instanceof ExemptionRevoked revocation) {
      Lifespan life = lives.get(revocation.exemptionId());
      if (life == null) {
        throw new CommandRejectedException(
            Reason.UNKNOWN_EXEMPTION,
            "exemptionId",
            "The team has no exemption '%s'.".formatted(revocation.exemptionId()));
      }
      life.requireWithin(revocation.occurredAt());
      life.requireOpen();
    }
    return event;
  }

  public void evolve(TeamEvent event) {
    if (event instanceof ExemptionGranted grant) {
      Lifespan life =
          Lifespan.began(
              "Exemption '%s'".formatted(grant.exemptionId()),
              Reason.EXEMPTION_REVOKED,
              "was revoked",
              grant.occurredAt());
      life.record(grant.eventId(), grant.occurredAt());
      lives.put(grant.exemptionId(), life);
    } else if (event instanceof ExemptionRevoked revocation) {
      Lifespan life = lives.get(revocation.exemptionId());
      life.record(revocation.eventId(), revocation.occurredAt());
      life.end(revocation.occurredAt());
    }
  }

  private static void anExemptionNamesACriterionOfTheRubric(ExemptionGranted grant) {
    if (!RubricCriteria.IDS.contains(grant.criterionId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_CRITERION,
          "criterionId",
          "The rubric has no criterion '%s'; criteria are named like %s."
              .formatted(grant.criterionId(), "slo.error-budget-policy or toil.capped"));
    }
  }

  private static void anExemptionExpiresAfterItIsGranted(ExemptionGranted grant) {
    if (!grant.expiresAt().isAfter(grant.occurredAt())) {
      throw new CommandRejectedException(
          Reason.EXPIRY_NOT_AFTER_GRANT,
          "expiresAt",
          "Exemption '%s' expires at %s, not after it is granted (%s)."
              .formatted(grant.exemptionId(), grant.expiresAt(), grant.occurredAt()));
    }
  }
}
