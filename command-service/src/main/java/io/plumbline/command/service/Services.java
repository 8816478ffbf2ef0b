package io.plumbline.command.service;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.ServiceTierChanged;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides on the team's services: a service id is registered once, its tier lies between 1 (most
 * critical) and 3, and only an active service changes tier or retires.
 */
public final class Services {

  static final int MOST_CRITICAL_TIER = 1;
  static final int LEAST_CRITICAL_TIER = 3;

  private Set<String> known = new HashSet<>();
  private Set<String> active = new HashSet<>();

  public static boolean decides(TeamEvent event) {
    return event instanceof ServiceRegistered
        || event instanceof ServiceTierChanged
        || event instanceof ServiceRetired;
  }

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(TeamEvent event) {
    if (event instanceof ServiceRegistered registered) {
      aTierBetweenOneAndThree(registered.tier());
      aServiceIdIsRegisteredOnce(registered.serviceId());
    } else if (event instanceof ServiceTierChanged changed) {
      aTierBetweenOneAndThree(changed.tier());
      requireActive(changed.teamId(), changed.serviceId());
    } else if (event instanceof ServiceRetired retired) {
      requireActive(retired.teamId(), retired.serviceId());
    }
    return event;
  }

  public void evolve(TeamEvent event) {
    if (event instanceof ServiceRegistered registered) {
      known.add(registered.serviceId());
      active.add(registered.serviceId());
    } else if (event instanceof ServiceRetired retired) {
      active.remove(retired.serviceId());
    }
  }

  /** Whether the team owns this service and has not retired it. */
  public boolean isActive(String serviceId) {
    return active.contains(serviceId);
  }

  /** Refuses evidence about a service the team does not own, or has retired. */
  public void requireActive(String teamId, String serviceId) {
    if (!isActive(serviceId)) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SERVICE,
          "serviceId",
          "Team '%s' has no active service '%s'.".formatted(teamId, serviceId));
    }
  }

  private void aServiceIdIsRegisteredOnce(String serviceId) {
    if (known.contains(serviceId)) {
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
