package io.plumbline.command.slo;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Lifespan;
import io.plumbline.command.common.Reason;
import io.plumbline.command.service.Services;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Decides on the team's SLOs: an SLO is for a service of the team, with a meaningful objective and
 * window ({@link SloRules}); reviews, redefinitions and error-budget decisions are dated within the
 * SLO's life, from its first definition to its retirement; an SLO retires once, after all of them.
 * Reconciling OpenSLO documents manages the SLOs those documents describe, and only those.
 */
public final class Slos {

  /** Event ids of definitions and retirements made by reconciling OpenSLO documents start so. */
  public static final String OPENSLO_EVENT_PREFIX = "openslo-";

  private Map<String, Lifespan> lives = new HashMap<>();
  private Map<String, String> fingerprints = new HashMap<>();
  private Set<String> managedByOpenSlo = new HashSet<>();

  public static boolean decides(TeamEvent event) {
    return event instanceof SloDefined
        || event instanceof SloReviewed
        || event instanceof SloRetired
        || event instanceof ErrorBudgetPolicyInvoked;
  }

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(TeamEvent event, Services services) {
    if (event instanceof SloDefined defined) {
      SloRules.check(defined.objectivePercent(), defined.windowDays());
      services.requireActive(defined.teamId(), defined.serviceId(), defined.occurredAt());
      aRetiredSloStaysRetired(defined.sloId(), defined.occurredAt());
    } else if (event instanceof SloReviewed reviewed) {
      requireActive(reviewed.sloId(), reviewed.occurredAt());
    } else if (event instanceof SloRetired retirement) {
      Lifespan life = requireActive(retirement.sloId(), retirement.occurredAt());
      life.requireOpen();
      life.requireNoFactsAfter(retirement.occurredAt());
    } else if (event instanceof ErrorBudgetPolicyInvoked invoked) {
      requireActive(invoked.sloId(), invoked.occurredAt());
    }
    return event;
  }

  /**
   * Brings the OpenSLO-managed SLOs in line with the specs, all or nothing: one invalid spec
   * refuses the whole set, so the stored SLOs never match half a repository. SLOs defined by single
   * events are left alone.
   *
   * @param apply receives each event to store, in order
   */
  public ReconcileSlos.Result reconcile(
      String teamId,
      List<SloSpec> specs,
      Instant occurredAt,
      Services services,
      Consumer<TeamEvent> apply) {
    Set<String> seen = new HashSet<>();
    for (SloSpec spec : specs) {
      if (!seen.add(spec.sloId())) {
        throw new CommandRejectedException(
            Reason.ALREADY_EXISTS,
            "metadata.name",
            "SLO '%s' is described twice.".formatted(spec.sloId()));
      }
      checkSpec(teamId, spec, services, occurredAt);
    }
    List<String> defined = new ArrayList<>();
    List<String> redefined = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (SloSpec spec : specs) {
      if (unchanged(spec)) {
        unchanged.add(spec.sloId());
        continue;
      }
      (lives.containsKey(spec.sloId()) ? redefined : defined).add(spec.sloId());
      apply.accept(
          new SloDefined(
              OPENSLO_EVENT_PREFIX + UUID.randomUUID(),
              teamId,
              spec.sloId(),
              spec.serviceId(),
              spec.sliKind(),
              spec.objectivePercent(),
              spec.windowDays(),
              spec.errorBudgetPolicy(),
              spec.burnRateAlerts(),
              occurredAt));
    }
    List<String> retiredSlos = new ArrayList<>();
    for (String sloId : activeManagedByOpenSlo()) {
      if (!seen.contains(sloId)) {
        lives.get(sloId).requireNoFactsAfter(occurredAt);
        retiredSlos.add(sloId);
        apply.accept(
            new SloRetired(OPENSLO_EVENT_PREFIX + UUID.randomUUID(), teamId, sloId, occurredAt));
      }
    }
    return new ReconcileSlos.Result(defined, redefined, retiredSlos, unchanged);
  }

  public void evolve(TeamEvent event) {
    if (event instanceof SloDefined defined) {
      Lifespan life =
          lives.computeIfAbsent(
              defined.sloId(),
              sloId ->
                  Lifespan.began(
                      "SLO '%s'".formatted(sloId),
                      Reason.SLO_RETIRED,
                      "was retired",
                      defined.occurredAt()));
      life.record(defined.eventId(), defined.occurredAt());
      fingerprints.put(defined.sloId(), SloSpec.of(defined).fingerprint());
      if (defined.eventId().startsWith(OPENSLO_EVENT_PREFIX)) {
        managedByOpenSlo.add(defined.sloId());
      } else {
        managedByOpenSlo.remove(defined.sloId());
      }
    } else if (event instanceof SloRetired retirement) {
      Lifespan life = lives.get(retirement.sloId());
      life.record(retirement.eventId(), retirement.occurredAt());
      life.end(retirement.occurredAt());
      managedByOpenSlo.remove(retirement.sloId());
    } else if (event instanceof SloReviewed reviewed) {
      lives.get(reviewed.sloId()).record(reviewed.eventId(), reviewed.occurredAt());
    } else if (event instanceof ErrorBudgetPolicyInvoked invoked) {
      lives.get(invoked.sloId()).record(invoked.eventId(), invoked.occurredAt());
    }
  }

  /** A spec from an OpenSLO document must be meaningful, for a service of the team, not retired. */
  private void checkSpec(String teamId, SloSpec spec, Services services, Instant occurredAt) {
    SloRules.check(spec.objectivePercent(), spec.windowDays());
    try {
      services.requireActive(teamId, spec.serviceId(), occurredAt);
    } catch (CommandRejectedException e) {
      throw new CommandRejectedException(
          e.reason(), "spec.service", "SLO '%s': %s".formatted(spec.sloId(), e.getMessage()));
    }
    aRetiredSloStaysRetired(spec.sloId(), occurredAt);
  }

  private Lifespan requireActive(String sloId, Instant at) {
    Lifespan life = lives.get(sloId);
    if (life == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SLO, "sloId", "The team has no SLO '%s'.".formatted(sloId));
    }
    life.requireNotEnded(at);
    return life;
  }

  /** A definition dated after the SLO's retirement is refused; one dated before redefines it. */
  private void aRetiredSloStaysRetired(String sloId, Instant at) {
    Lifespan life = lives.get(sloId);
    if (life != null) {
      life.requireNotEnded(at);
    }
  }

  private boolean isActive(String sloId) {
    Lifespan life = lives.get(sloId);
    return life != null && !life.hasEnded();
  }

  /** The spec's SLO exists, is active and already defined exactly so. */
  private boolean unchanged(SloSpec spec) {
    return isActive(spec.sloId()) && spec.fingerprint().equals(fingerprints.get(spec.sloId()));
  }

  /** Active SLOs whose latest definition came from OpenSLO documents. */
  private Set<String> activeManagedByOpenSlo() {
    Set<String> active = new TreeSet<>();
    for (String sloId : managedByOpenSlo) {
      if (isActive(sloId)) {
        active.add(sloId);
      }
    }
    return active;
  }
}
