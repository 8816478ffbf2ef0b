package io.plumbline.command.slo;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The team's SLOs as far as invariants need them: which exist, which are retired. */
public final class SloLedger {

  private Map<String, Boolean> retired = new HashMap<>();
  private Map<String, String> fingerprints = new HashMap<>();
  private Set<String> managedByOpenSlo = new HashSet<>();

  /** Event ids of definitions and retirements made by reconciling OpenSLO documents start so. */
  public static final String OPENSLO_EVENT_PREFIX = "openslo-";

  public void checkDefine(DefineSlo command, Set<String> activeServices) {
    SloRules.check(command.objectivePercent(), command.windowDays());
    if (!activeServices.contains(command.serviceId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SERVICE,
          "serviceId",
          "Team '%s' has no active service '%s'; register it first."
              .formatted(command.teamId(), command.serviceId()));
    }
    if (Boolean.TRUE.equals(retired.get(command.sloId()))) {
      throw retired(command.sloId());
    }
  }

  /** A spec from an OpenSLO document must be meaningful, for an active service, not retired. */
  public void checkSpec(SloSpec spec, Set<String> activeServices) {
    SloRules.check(spec.objectivePercent(), spec.windowDays());
    if (!activeServices.contains(spec.serviceId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SERVICE,
          "spec.service",
          "SLO '%s' names service '%s', which the team does not have."
              .formatted(spec.sloId(), spec.serviceId()));
    }
    if (Boolean.TRUE.equals(retired.get(spec.sloId()))) {
      throw retired(spec.sloId());
    }
  }

  public void checkActive(String sloId) {
    Boolean isRetired = retired.get(sloId);
    if (isRetired == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SLO, "sloId", "The team has no SLO '%s'.".formatted(sloId));
    }
    if (isRetired) {
      throw retired(sloId);
    }
  }

  public void on(SloDefined event) {
    retired.put(event.sloId(), false);
    fingerprints.put(
        event.sloId(),
        new SloSpec(
                event.sloId(),
                event.serviceId(),
                event.sliKind(),
                event.objectivePercent(),
                event.windowDays(),
                event.errorBudgetPolicy(),
                event.burnRateAlerts())
            .fingerprint());
    if (event.eventId().startsWith(OPENSLO_EVENT_PREFIX)) {
      managedByOpenSlo.add(event.sloId());
    } else {
      managedByOpenSlo.remove(event.sloId());
    }
  }

  public void on(SloRetired event) {
    retired.put(event.sloId(), true);
    managedByOpenSlo.remove(event.sloId());
  }

  /** The spec's SLO exists, is active and already defined exactly so. */
  public boolean unchanged(SloSpec spec) {
    return Boolean.FALSE.equals(retired.get(spec.sloId()))
        && spec.fingerprint().equals(fingerprints.get(spec.sloId()));
  }

  public boolean exists(String sloId) {
    return retired.containsKey(sloId);
  }

  /** Active SLOs whose latest definition came from OpenSLO documents. */
  public Set<String> activeManagedByOpenSlo() {
    Set<String> active = new java.util.TreeSet<>();
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
