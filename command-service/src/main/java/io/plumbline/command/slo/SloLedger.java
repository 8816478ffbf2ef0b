package io.plumbline.command.slo;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The team's SLOs as far as invariants need them: which exist, which are retired. */
public final class SloLedger {

  private Map<String, Boolean> retired = new HashMap<>();

  public void checkDefine(DefineSlo command, Set<String> activeServices) {
    SloRules.check(command);
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
  }

  public void on(SloRetired event) {
    retired.put(event.sloId(), true);
  }

  private static CommandRejectedException retired(String sloId) {
    return new CommandRejectedException(
        Reason.SLO_RETIRED, "sloId", "SLO '%s' is retired.".formatted(sloId));
  }
}
