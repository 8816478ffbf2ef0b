package io.plumbline.command.runbook;

import io.plumbline.command.catalog.Services;
import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Lifespan;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookEvent;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import io.plumbline.events.runbook.RunbookReviewed;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides on the team's alert inventories and runbooks: both are about a service of the team, dated
 * within its life; reviews and republications are dated within the runbook's life, from its first
 * publication to its retirement; a runbook retires once, after all of them.
 */
public final class Runbooks {

  private Map<String, Lifespan> lives = new HashMap<>();

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(RunbookEvent event, Services services) {
    if (event instanceof AlertInventoryReported inventory) {
      services.requireActive(inventory.teamId(), inventory.serviceId(), inventory.occurredAt());
    } else if (event instanceof RunbookPublished runbook) {
      services.requireActive(runbook.teamId(), runbook.serviceId(), runbook.occurredAt());
      aRetiredRunbookStaysRetired(runbook.runbookId(), runbook.occurredAt());
    } else if (event instanceof RunbookReviewed review) {
      requireActive(review.runbookId(), review.occurredAt());
    } else if (event instanceof RunbookRetired retirement) {
      Lifespan life = requireActive(retirement.runbookId(), retirement.occurredAt());
      life.requireOpen();
      life.requireNoFactsAfter(retirement.occurredAt());
    }
    return event;
  }

  public void evolve(TeamEvent event) {
    if (event instanceof RunbookPublished runbook) {
      Lifespan life =
          lives.computeIfAbsent(
              runbook.runbookId(),
              runbookId ->
                  Lifespan.began(
                      "Runbook '%s'".formatted(runbookId),
                      Reason.RUNBOOK_RETIRED,
                      "was retired",
                      runbook.occurredAt()));
      life.record(runbook.eventId(), runbook.occurredAt());
    } else if (event instanceof RunbookReviewed review) {
      lives.get(review.runbookId()).record(review.eventId(), review.occurredAt());
    } else if (event instanceof RunbookRetired retirement) {
      Lifespan life = lives.get(retirement.runbookId());
      life.record(retirement.eventId(), retirement.occurredAt());
      life.end(retirement.occurredAt());
    }
  }

  private Lifespan requireActive(String runbookId, Instant at) {
    Lifespan life = lives.get(runbookId);
    if (life == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_RUNBOOK,
          "runbookId",
          "The team has no runbook '%s'.".formatted(runbookId));
    }
    life.requireNotEnded(at);
    return life;
  }

  /** A publication dated after the runbook's retirement is refused; one dated before updates it. */
  private void aRetiredRunbookStaysRetired(String runbookId, Instant at) {
    Lifespan life = lives.get(runbookId);
    if (life != null) {
      life.requireNotEnded(at);
    }
  }
}
