package io.plumbline.command.runbook;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.service.Services;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import io.plumbline.events.runbook.RunbookReviewed;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides on the team's alert inventories and runbooks: both are about an active service of the
 * team; a retired runbook stays retired; reviews and retirements name an active runbook.
 */
public final class Runbooks {

  private Map<String, Boolean> retired = new HashMap<>();

  public static boolean decides(TeamEvent event) {
    return event instanceof AlertInventoryReported
        || event instanceof RunbookPublished
        || event instanceof RunbookReviewed
        || event instanceof RunbookRetired;
  }

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(TeamEvent event, Services services) {
    if (event instanceof AlertInventoryReported inventory) {
      services.requireActive(inventory.teamId(), inventory.serviceId());
    } else if (event instanceof RunbookPublished runbook) {
      services.requireActive(runbook.teamId(), runbook.serviceId());
      aRetiredRunbookStaysRetired(runbook.runbookId());
    } else if (event instanceof RunbookReviewed review) {
      requireActive(review.runbookId());
    } else if (event instanceof RunbookRetired retirement) {
      requireActive(retirement.runbookId());
    }
    return event;
  }

  public void evolve(TeamEvent event) {
    if (event instanceof RunbookPublished runbook) {
      retired.put(runbook.runbookId(), false);
    } else if (event instanceof RunbookRetired retirement) {
      retired.put(retirement.runbookId(), true);
    }
  }

  private void requireActive(String runbookId) {
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

  private void aRetiredRunbookStaysRetired(String runbookId) {
    if (Boolean.TRUE.equals(retired.get(runbookId))) {
      throw retired(runbookId);
    }
  }

  private static CommandRejectedException retired(String runbookId) {
    return new CommandRejectedException(
        Reason.RUNBOOK_RETIRED, "runbookId", "Runbook '%s' is retired.".formatted(runbookId));
  }
}
