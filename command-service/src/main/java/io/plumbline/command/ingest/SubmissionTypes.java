package io.plumbline.command.ingest;

import io.plumbline.command.common.EvidenceCommand;
import io.plumbline.command.group.DefineGroup;
import io.plumbline.command.postmortem.CloseActionItem;
import io.plumbline.command.postmortem.PublishPostmortem;
import io.plumbline.command.postmortem.RecordIncident;
import io.plumbline.command.runbook.PublishRunbook;
import io.plumbline.command.runbook.ReportAlertInventory;
import io.plumbline.command.runbook.RetireRunbook;
import io.plumbline.command.runbook.ReviewRunbook;
import io.plumbline.command.slo.DefineSlo;
import io.plumbline.command.slo.InvokeErrorBudgetPolicy;
import io.plumbline.command.slo.RetireSlo;
import io.plumbline.command.slo.ReviewSlo;
import io.plumbline.command.team.ChangeServiceTier;
import io.plumbline.command.team.MoveTeam;
import io.plumbline.command.team.RegisterService;
import io.plumbline.command.team.RegisterTeam;
import io.plumbline.command.team.RetireService;
import io.plumbline.command.team.RetireTeam;
import io.plumbline.command.toil.MeasureToil;
import io.plumbline.command.toil.ShipToilAutomation;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.ServiceTierChanged;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import io.plumbline.events.runbook.RunbookReviewed;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import io.plumbline.events.toil.ToilAutomationShipped;
import io.plumbline.events.toil.ToilMeasured;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command each event type of the contract becomes when submitted. */
final class SubmissionTypes {

  private static final Map<String, Class<? extends EvidenceCommand>> COMMANDS = commands();

  private SubmissionTypes() {}

  static Optional<Class<? extends EvidenceCommand>> commandFor(String eventType) {
    return Optional.ofNullable(COMMANDS.get(eventType));
  }

  /** Groups, team registration, moves and retirements: admin only. */
  static boolean isOrgStructure(EvidenceCommand command) {
    return command instanceof DefineGroup
        || command instanceof RegisterTeam
        || command instanceof MoveTeam
        || command instanceof RetireTeam;
  }

  static List<String> accepted() {
    return List.copyOf(COMMANDS.keySet());
  }

  private static Map<String, Class<? extends EvidenceCommand>> commands() {
    Map<String, Class<? extends EvidenceCommand>> map = new LinkedHashMap<>();
    put(map, GroupDefined.class, DefineGroup.class);
    put(map, TeamRegistered.class, RegisterTeam.class);
    put(map, TeamMoved.class, MoveTeam.class);
    put(map, TeamRetired.class, RetireTeam.class);
    put(map, ServiceRegistered.class, RegisterService.class);
    put(map, ServiceTierChanged.class, ChangeServiceTier.class);
    put(map, ServiceRetired.class, RetireService.class);
    put(map, SloDefined.class, DefineSlo.class);
    put(map, SloReviewed.class, ReviewSlo.class);
    put(map, SloRetired.class, RetireSlo.class);
    put(map, ErrorBudgetPolicyInvoked.class, InvokeErrorBudgetPolicy.class);
    put(map, IncidentRecorded.class, RecordIncident.class);
    put(map, PostmortemPublished.class, PublishPostmortem.class);
    put(map, ActionItemClosed.class, CloseActionItem.class);
    put(map, AlertInventoryReported.class, ReportAlertInventory.class);
    put(map, RunbookPublished.class, PublishRunbook.class);
    put(map, RunbookReviewed.class, ReviewRunbook.class);
    put(map, RunbookRetired.class, RetireRunbook.class);
    put(map, ToilMeasured.class, MeasureToil.class);
    put(map, ToilAutomationShipped.class, ShipToilAutomation.class);
    return map;
  }

  private static void put(
      Map<String, Class<? extends EvidenceCommand>> map,
      Class<? extends PlumblineEvent> event,
      Class<? extends EvidenceCommand> command) {
    map.put(EventTypes.nameOf(event), command);
  }
}
