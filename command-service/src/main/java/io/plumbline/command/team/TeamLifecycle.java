package io.plumbline.command.team;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Lifespan;
import io.plumbline.command.common.Reason;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.TeamLifecycleEvent;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides on the team's own life: it is registered once, in a group that exists; it moves to
 * another existing group; it submits evidence dated before its retirement, whenever that evidence
 * arrives (also evidence from before its registration in Plumbline); and it retires only after all
 * its accepted evidence.
 */
final class TeamLifecycle {

  private String teamId;
  private String groupId;
  private Lifespan life;

  /**
   * The event as the client states it: a move's origin is the team's group at the time, which the
   * team fills in, so a retry without it (or with it) is the same fact.
   */
  static TeamEvent asSubmitted(TeamEvent event) {
    return event instanceof TeamMoved moved && moved.fromGroupId() != null
        ? new TeamMoved(
            moved.eventId(), moved.teamId(), null, moved.toGroupId(), moved.occurredAt())
        : event;
  }

  /** The event to store, or the refusal of the rule it breaks. */
  TeamEvent decide(TeamLifecycleEvent event, GroupDirectory groups) {
    if (event instanceof TeamRegistered registration) {
      aTeamIsRegisteredOnce(registration.teamId());
      requireGroup(groups, "groupId", registration.groupId());
      return registration;
    }
    requireActive(event.teamId(), event.occurredAt());
    if (event instanceof TeamMoved move) {
      aMoveStartsFromTheTeamsGroup(move);
      if (move.toGroupId().equals(groupId)) {
        throw new CommandRejectedException(
            Reason.ALREADY_IN_GROUP,
            "toGroupId",
            "Team '%s' is already in group '%s'.".formatted(teamId, groupId));
      }
      requireGroup(groups, "toGroupId", move.toGroupId());
      return new TeamMoved(move.eventId(), teamId, groupId, move.toGroupId(), move.occurredAt());
    }
    if (event instanceof TeamRetired retirement) {
      aTeamRetiresAfterItsEvidence(retirement);
    }
    return event;
  }

  /** Evidence dated at {@code at} comes from a registered team, not after its retirement. */
  void requireActive(String submittedFor, Instant at) {
    if (teamId == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_TEAM, "teamId", "Team '%s' is not registered.".formatted(submittedFor));
    }
    life.requireNotEnded(at);
  }

  void evolve(TeamEvent event) {
    if (event instanceof TeamRegistered registration) {
      teamId = registration.teamId();
      groupId = registration.groupId();
      life =
          Lifespan.began(
              "Team '%s'".formatted(teamId),
              Reason.TEAM_RETIRED,
              "retired",
              registration.occurredAt());
      return;
    }
    life.record(event.eventId(), event.occurredAt());
    if (event instanceof TeamMoved move) {
      groupId = move.toGroupId();
    } else if (event instanceof TeamRetired retirement) {
      life.end(retirement.occurredAt());
    }
  }

  private void aTeamIsRegisteredOnce(String candidate) {
    if (teamId != null) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS, "teamId", "Team '%s' is already registered.".formatted(candidate));
    }
  }

  private void aTeamRetiresAfterItsEvidence(TeamRetired retirement) {
    life.requireOpen();
    life.requireNoFactsAfter(retirement.occurredAt());
  }

  private void aMoveStartsFromTheTeamsGroup(TeamMoved move) {
    if (move.fromGroupId() != null && !Objects.equals(move.fromGroupId(), groupId)) {
      throw new CommandRejectedException(
          Reason.NOT_IN_GROUP,
          "fromGroupId",
          "Team '%s' is in group '%s', not '%s'.".formatted(teamId, groupId, move.fromGroupId()));
    }
  }

  private static void requireGroup(GroupDirectory groups, String field, String groupId) {
    if (!groups.exists(groupId)) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_GROUP, field, "Group '%s' does not exist.".formatted(groupId));
    }
  }
}
