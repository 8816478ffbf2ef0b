package io.plumbline.command.runbook;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The team's runbooks as far as invariants need them: which exist, which are retired. */
public final class RunbookLedger {

  private Map<String, Boolean> retired = new HashMap<>();

  public void checkPublish(PublishRunbook command, Set<String> activeServices) {
    requireActiveService(command.teamId(), command.serviceId(), activeServices);
    if (Boolean.TRUE.equals(retired.get(command.runbookId()))) {
      throw retired(command.runbookId());
    }
  }

  public static void requireActiveService(
      String teamId, String serviceId, Set<String> activeServices) {
    if (!activeServices.contains(serviceId)) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SERVICE,
          "serviceId",
          "Team '%s' has no active service '%s'.".formatted(teamId, serviceId));
    }
  }

  public void checkActive(String runbookId) {
    Boolean isRetired = retired.get(runbookId);
    if (isRetired == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_RUNBOOK,
          "runbookId",
          "The team has no runbook '%s'.".formatted(runbookId));
    }
    if (isRetired) {
      throw retired(runbookId);
    }
  }

  public void on(RunbookPublished event) {
    retired.put(event.runbookId(), false);
  }

  public void on(RunbookRetired event) {
    retired.put(event.runbookId(), true);
  }

  private static CommandRejectedException retired(String runbookId) {
    return new CommandRejectedException(
        Reason.RUNBOOK_RETIRED, "runbookId", "Runbook '%s' is retired.".formatted(runbookId));
  }
}
