package io.plumbline.command.slo;

import io.plumbline.command.catalog.Services;
import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Lifespan;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloEvent;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Decides on the team's SLOs: an SLO is for a service of the team, with a meaningful objective and
 * window ({@link SloRules}); reviews, redefinitions and error-budget decisions are dated within the
 * SLO's life, up to its retirement; an SLO retires once, after all of them, and a definition dated
 * after its retirement begins a new life. Reconciling OpenSLO documents manages the SLOs those
 * documents describe, and only those.
 */
public final class Slos {

  /** Event ids of definitions and retirements made by reconciling OpenSLO documents start so. */
  public static final String OPENSLO_EVENT_PREFIX = "openslo-";

  /** Each SLO's lives in order: a retired SLO defined again begins a new one. */
  private Map<String, List<Lifespan>> lives = new HashMap<>();

  /** Of each SLO, the definition in force: the latest dated. */
  private Map<String, Instant> definedAt = new HashMap<>();

  private Map<String, String> fingerprints = new HashMap<>();
  private Set<String> managedByOpenSlo = new HashSet<>();

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(SloEvent event, Services services) {
    if (event instanceof SloDefined defined) {
      // dated within a life it redefines the SLO there; dated after the last end it begins anew
      SloRules.check(defined.objectives(), defined.window());
      services.requireActive(defined.teamId(), defined.serviceId(), defined.occurredAt());
    } else if (event instanceof SloReviewed reviewed) {
      lifeOf(reviewed.sloId(), reviewed.occurredAt());
    } else if (event instanceof SloRetired retirement) {
      Lifespan life = lifeOrLast(retirement.sloId(), retirement.occurredAt());
      life.requireOpen();
      life.requireNoFactsAfter(retirement.occurredAt());
    } else if (event instanceof ErrorBudgetPolicyInvoked invoked) {
      lifeOf(invoked.sloId(), invoked.occurredAt());
    }
    return event;
  }

  /**
   * Plans bringing the OpenSLO-managed SLOs in line with the specs, all or nothing: any spec or
   * retirement refused refuses the whole set, so the stored SLOs never match half a repository, and
   * the plan names every refusal. SLOs defined by single events are left alone. A retired SLO
   * described again is defined anew.
   *
   * @param apply receives each event to store, in order; nothing on a dry run or a refusal
   */
  public ReconcileSlos.Result reconcile(
      String teamId,
      List<SloSpec> specs,
      Instant occurredAt,
      Services services,
      boolean dryRun,
      Consumer<TeamEvent> apply) {
    Map<String, ReconcileSlos.Refusal> refused = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    List<String> defined = new ArrayList<>();
    List<String> redefined = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<TeamEvent> events = new ArrayList<>();
    for (SloSpec spec : specs) {
      if (!seen.add(spec.sloId())) {
        refused.put(
            spec.sloId(),
            new ReconcileSlos.Refusal(
                spec.sloId(),
                Reason.ALREADY_EXISTS,
                "metadata.name",
                "SLO '%s' is described twice.".formatted(spec.sloId())));
        continue;
      }
      try {
        checkSpec(teamId, spec, services, occurredAt);
      } catch (CommandRejectedException e) {
        refused.put(
            spec.sloId(),
            new ReconcileSlos.Refusal(spec.sloId(), e.reason(), e.field(), e.getMessage()));
        continue;
      }
      if (unchanged(spec)) {
        unchanged.add(spec.sloId());
        continue;
      }
      (isActive(spec.sloId()) ? redefined : defined).add(spec.sloId());
      events.add(
          new SloDefined(
              OPENSLO_EVENT_PREFIX + UUID.randomUUID(),
              teamId,
              spec.sloId(),
              spec.serviceId(),
              spec.sliKind(),
              spec.objectives(),
              spec.window(),
              spec.errorBudgetPolicy(),
              spec.burnRateAlerts(),
              occurredAt));
    }
    List<String> retiredSlos = new ArrayList<>();
    for (String sloId : activeManagedByOpenSlo()) {
      if (seen.contains(sloId)) {
        continue;
      }
      try {
        last(sloId).requireNoFactsAfter(occurredAt);
      } catch (CommandRejectedException e) {
        refused.put(sloId, new ReconcileSlos.Refusal(sloId, e.reason(), null, e.getMessage()));
        continue;
      }
      retiredSlos.add(sloId);
      events.add(
          new SloRetired(OPENSLO_EVENT_PREFIX + UUID.randomUUID(), teamId, sloId, occurredAt));
    }
    boolean store = refused.isEmpty() && !dryRun;
    if (store) {
      events.forEach(apply);
    }
    return new ReconcileSlos.Result(
        defined, redefined, retiredSlos, unchanged, List.copyOf(refused.values()), store);
  }

  public void evolve(TeamEvent event) {
    if (event instanceof SloDefined defined) {
      String sloId = defined.sloId();
      Lifespan life = lifeAt(sloId, defined.occurredAt());
      if (life == null) {
        life =
            Lifespan.began(
                "SLO '%s'".formatted(sloId),
                Reason.SLO_RETIRED,
                "was retired",
                defined.occurredAt());
        lives.computeIfAbsent(sloId, id -> new ArrayList<>()).add(life);
      }
      life.record(defined.eventId(), defined.occurredAt());
      Instant inForce = definedAt.get(sloId);
      if (inForce == null || !defined.occurredAt().isBefore(inForce)) {
        definedAt.put(sloId, defined.occurredAt());
        fingerprints.put(sloId, SloSpec.of(defined).fingerprint());
        if (defined.eventId().startsWith(OPENSLO_EVENT_PREFIX)) {
          managedByOpenSlo.add(sloId);
        } else {
          managedByOpenSlo.remove(sloId);
        }
      }
    } else if (event instanceof SloRetired retirement) {
      Lifespan life = lifeOrLast(retirement.sloId(), retirement.occurredAt());
      life.record(retirement.eventId(), retirement.occurredAt());
      life.end(retirement.occurredAt());
    } else if (event instanceof SloReviewed reviewed) {
      lifeOrLast(reviewed.sloId(), reviewed.occurredAt())
          .record(reviewed.eventId(), reviewed.occurredAt());
    } else if (event instanceof ErrorBudgetPolicyInvoked invoked) {
      lifeOrLast(invoked.sloId(), invoked.occurredAt())
          .record(invoked.eventId(), invoked.occurredAt());
    }
  }

  /** A spec from an OpenSLO document must be meaningful and for an active service of the team. */
  private void checkSpec(String teamId, SloSpec spec, Services services, Instant occurredAt) {
    SloRules.check(spec.objectives(), spec.window());
    try {
      services.requireActive(teamId, spec.serviceId(), occurredAt);
    } catch (CommandRejectedException e) {
      throw new CommandRejectedException(
          e.reason(), "spec.service", "SLO '%s': %s".formatted(spec.sloId(), e.getMessage()));
    }
  }

  /** The life a fact dated so belongs to: the first that had not ended by then; or none. */
  private Lifespan lifeAt(String sloId, Instant at) {
    for (Lifespan life : lives.getOrDefault(sloId, List.of())) {
      if (!life.hasEnded() || !at.isAfter(life.ends())) {
        return life;
      }
    }
    return null;
  }

  /** The life a fact dated so belongs to, or the refusal: no such SLO, or retired by then. */
  private Lifespan lifeOf(String sloId, Instant at) {
    Lifespan life = lifeOrLast(sloId, at);
    life.requireNotEnded(at);
    return life;
  }

  /** The life a fact dated so belongs to, or else the SLO's last life (which has ended). */
  private Lifespan lifeOrLast(String sloId, Instant at) {
    Lifespan life = lifeAt(sloId, at);
    return life != null ? life : last(sloId);
  }

  private Lifespan last(String sloId) {
    List<Lifespan> all = lives.get(sloId);
    if (all == null || all.isEmpty()) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SLO, "sloId", "The team has no SLO '%s'.".formatted(sloId));
    }
    return all.get(all.size() - 1);
  }

  private boolean isActive(String sloId) {
    List<Lifespan> all = lives.get(sloId);
    return all != null && !all.isEmpty() && !all.get(all.size() - 1).hasEnded();
  }

  /** The spec's SLO exists, is active and already defined exactly so. */
  private boolean unchanged(SloSpec spec) {
    return isActive(spec.sloId()) && spec.fingerprint().equals(fingerprints.get(spec.sloId()));
  }

  /** Active SLOs whose definition in force came from OpenSLO documents. */
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
