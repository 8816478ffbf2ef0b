package io.plumbline.command.slo;

import io.plumbline.command.common.CommandRejectedException;
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
 * Decides on the team's SLOs: an SLO is for an active service of the team, with a meaningful
 * objective and window ({@link SloRules}); a retired SLO stays retired; reviews, retirements and
 * error-budget decisions name an active SLO. Reconciling OpenSLO documents manages the SLOs those
 * documents describe, and only those.
 */
public final class Slos {

  /** Event ids of definitions and retirements made by reconciling OpenSLO documents start so. */
  public static final String OPENSLO_EVENT_PREFIX = "openslo-";

  private Map<String, Boolean> retired = new HashMap<>();
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
      if (!services.isActive(defined.serviceId())) {
        throw new CommandRejectedException(
            Reason.UNKNOWN_SERVICE,
            "serviceId",
            "Team '%s' has no active service '%s'; register it first."
                .formatted(defined.teamId(), defined.serviceId()));
      }
      aRetiredSloStaysRetired(defined.sloId());
    } else if (event instanceof SloReviewed reviewed) {
      requireActive(reviewed.sloId());
    } else if (event instanceof SloRetired retirement) {
      requireActive(retirement.sloId());
    } else if (event instanceof ErrorBudgetPolicyInvoked invoked) {
      requireActive(invoked.sloId());
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
      checkSpec(spec, services);
    }
    List<String> defined = new ArrayList<>();
    List<String> redefined = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (SloSpec spec : specs) {
      if (unchanged(spec)) {
        unchanged.add(spec.sloId());
        continue;
      }
      (retired.containsKey(spec.sloId()) ? redefined : defined).add(spec.sloId());
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
        retiredSlos.add(sloId);
        apply.accept(
            new SloRetired(OPENSLO_EVENT_PREFIX + UUID.randomUUID(), teamId, sloId, occurredAt));
      }
    }
    return new ReconcileSlos.Result(defined, redefined, retiredSlos, unchanged);
  }

  public void evolve(TeamEvent event) {
    if (event instanceof SloDefined defined) {
      retired.put(defined.sloId(), false);
      fingerprints.put(defined.sloId(), SloSpec.of(defined).fingerprint());
      if (defined.eventId().startsWith(OPENSLO_EVENT_PREFIX)) {
        managedByOpenSlo.add(defined.sloId());
      } else {
        managedByOpenSlo.remove(defined.sloId());
      }
    } else if (event instanceof SloRetired retirement) {
      retired.put(retirement.sloId(), true);
      managedByOpenSlo.remove(retirement.sloId());
    }
  }

  /** A spec from an OpenSLO document must be meaningful, for an active service, not retired. */
  private void checkSpec(SloSpec spec, Services services) {
    SloRules.check(spec.objectivePercent(), spec.windowDays());
    if (!services.isActive(spec.serviceId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SERVICE,
          "spec.service",
          "SLO '%s' names service '%s', which the team does not have."
              .formatted(spec.sloId(), spec.serviceId()));
    }
    aRetiredSloStaysRetired(spec.sloId());
  }

  private void requireActive(String sloId) {
    Boolean isRetired = retired.get(sloId);
    if (isRetired == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SLO, "sloId", "The team has no SLO '%s'.".formatted(sloId));
    }
    if (isRetired) {
      throw retired(sloId);
    }
  }

  private void aRetiredSloStaysRetired(String sloId) {
    if (Boolean.TRUE.equals(retired.get(sloId))) {
      throw retired(sloId);
    }
  }

  /** The spec's SLO exists, is active and already defined exactly so. */
  private boolean unchanged(SloSpec spec) {
    return Boolean.FALSE.equals(retired.get(spec.sloId()))
        && spec.fingerprint().equals(fingerprints.get(spec.sloId()));
  }

  /** Active SLOs whose latest definition came from OpenSLO documents. */
  private Set<String> activeManagedByOpenSlo() {
    Set<String> active = new TreeSet<>();
    for (String sloId : managedByOpenSlo) {
      if (Boolean.FALSE.equals(retired.get(sloId))) {
        active.add(sloId);
      }
    }
    return active;
  }

  private static CommandRejectedException retired(String sloId) {
    return new CommandRejectedException(
        Reason.SLO_RETIRED, "sloId", "SLO '%s' is retired.".formatted(sloId));
  }
}
