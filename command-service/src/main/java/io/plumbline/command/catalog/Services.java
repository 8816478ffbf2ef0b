package io.plumbline.command.catalog;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Lifespan;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.ServiceEvent;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.ServiceTierChanged;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.slo.SloDefined;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides on the team's services: a service id is registered once, its tier lies between 1 (most
 * critical) and 3; facts about a service (its tier, its SLOs, alert inventories, runbooks) are
 * dated within its life, and it retires only after them.
 */
public final class Services {

  static final int MOST_CRITICAL_TIER = 1;
  static final int LEAST_CRITICAL_TIER = 3;

  private Map<String, Lifespan> lives = new HashMap<>();

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(ServiceEvent event) {
    if (event instanceof ServiceRegistered registered) {
      aTierBetweenOneAndThree(registered.tier());
      aServiceIdIsRegisteredOnce(registered.serviceId());
    } else if (event instanceof ServiceTierChanged changed) {
      aTierBetweenOneAndThree(changed.tier());
      requireActive(changed.teamId(), changed.serviceId(), changed.occurredAt());
    } else if (event instanceof ServiceRetired retirement) {
      Lifespan life =
          requireActive(retirement.teamId(), retirement.serviceId(), retirement.occurredAt());
      life.requireOpen();
      life.requireNoFactsAfter(retirement.occurredAt());
    }
    return event;
  }

  public void evolve(TeamEvent event) {
    if (event instanceof ServiceRegistered registered) {
      lives.put(
          registered.serviceId(),
          Lifespan.began(
              "Service '%s'".formatted(registered.serviceId()),
              Reason.SERVICE_RETIRED,
              "was retired",
              registered.occurredAt()));
      return;
    }
    String serviceId = aboutService(event);
    if (serviceId != null && lives.containsKey(serviceId)) {
      Lifespan life = lives.get(serviceId);
      life.record(event.eventId(), event.occurredAt());
      if (event instanceof ServiceRetired retirement) {
        life.end(retirement.occurredAt());
      }
    }
  }

  /**
   * Refuses a fact dated {@code at} about a service the team does not own, or dated outside the
   * service's life.
   */
  public Lifespan requireActive(String teamId, String serviceId, Instant at) {
    Lifespan life = lives.get(serviceId);
    if (life == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SERVICE,
          "serviceId",
          "Team '%s' has no service '%s'; register it first.".formatted(teamId, serviceId));
    }
    life.requireNotEnded(at);
    return life;
  }

  /** The service a fact is about, if it is about one. */
  private static String aboutService(TeamEvent event) {
    if (event instanceof ServiceTierChanged changed) {
      return changed.serviceId();
    } else if (event instanceof ServiceRetired retired) {
      return retired.serviceId();
    } else if (event instanceof SloDefined defined) {
      return defined.serviceId();
    } else if (event instanceof AlertInventoryReported inventory) {
      return inventory.serviceId();
    } else if (event instanceof RunbookPublished runbook) {
      return runbook.serviceId();
    }
    return null;
  }

  private void aServiceIdIsRegisteredOnce(String serviceId) {
    if (lives.containsKey(serviceId)) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS,
          "serviceId",
          "Service '%s' is already registered.".formatted(serviceId));
    }
  }

  private static void aTierBetweenOneAndThree(int tier) {
    if (tier < MOST_CRITICAL_TIER || tier > LEAST_CRITICAL_TIER) {
      throw new CommandRejectedException(
          Reason.TIER_OUT_OF_RANGE,
          "tier",
          "The tier must be between %d and %d, but was %d."
              .formatted(MOST_CRITICAL_TIER, LEAST_CRITICAL_TIER, tier));
    }
  }
}
