package io.plumbline.command.ingest;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.security.Caller;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.exemption.ExemptionGranted;
import io.plumbline.events.exemption.ExemptionRevoked;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import io.plumbline.service.tokens.TokenCheck;
import java.util.Set;

/** Who may submit what: admins anything, approvers exemptions, a team's token its own facts. */
final class SubmissionAuthorization {

  /** Groups, team registration, moves and retirements: admin only. */
  private static final Set<Class<?>> ORG_STRUCTURE =
      Set.of(GroupDefined.class, TeamRegistered.class, TeamMoved.class, TeamRetired.class);

  /** Exemptions: admins and approvers, for any team. */
  private static final Set<Class<?>> EXEMPTIONS =
      Set.of(ExemptionGranted.class, ExemptionRevoked.class);

  private SubmissionAuthorization() {}

  /** Refuses the event unless the caller may submit it. */
  static void authorize(PlumblineEvent event, Caller caller) {
    if (caller.isAdmin()) {
      return;
    }
    boolean exemption = EXEMPTIONS.contains(event.getClass());
    if (caller.scope() == TokenCheck.Scope.APPROVER) {
      if (exemption) {
        return;
      }
      throw new CommandRejectedException(
          Reason.EXEMPTIONS_ONLY,
          "type",
          "An approver token grants and revokes exemptions only; evidence comes from the team's"
              + " own token, org structure from an admin.");
    }
    if (exemption) {
      throw new CommandRejectedException(
          Reason.ADMIN_ONLY,
          "type",
          "Only admin and approver tokens may grant or revoke exemptions.");
    }
    if (!(event instanceof TeamEvent teamEvent) || ORG_STRUCTURE.contains(event.getClass())) {
      throw new CommandRejectedException(
          Reason.ADMIN_ONLY,
          "type",
          "Only admin tokens may change the org structure (groups, team registration, moves and"
              + " retirements).");
    }
    if (!teamEvent.teamId().equals(caller.teamId())) {
      throw new CommandRejectedException(
          Reason.WRONG_TEAM,
          "teamId",
          "This token submits for team '%s' only, not for '%s'."
              .formatted(caller.teamId(), teamEvent.teamId()));
    }
  }
}
