package io.plumbline.command.team;

import static io.plumbline.command.common.Decimals.normalize;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.EventIds;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.common.Reason;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.command.postmortem.CloseActionItem;
import io.plumbline.command.postmortem.PostmortemLedger;
import io.plumbline.command.postmortem.PublishPostmortem;
import io.plumbline.command.postmortem.RecordIncident;
import io.plumbline.command.runbook.PublishRunbook;
import io.plumbline.command.runbook.ReportAlertInventory;
import io.plumbline.command.runbook.RetireRunbook;
import io.plumbline.command.runbook.ReviewRunbook;
import io.plumbline.command.runbook.RunbookLedger;
import io.plumbline.command.slo.DefineSlo;
import io.plumbline.command.slo.InvokeErrorBudgetPolicy;
import io.plumbline.command.slo.ReconcileSlos;
import io.plumbline.command.slo.RetireSlo;
import io.plumbline.command.slo.ReviewSlo;
import io.plumbline.command.slo.SloLedger;
import io.plumbline.command.slo.SloSpec;
import io.plumbline.command.toil.MeasureToil;
import io.plumbline.command.toil.ShipToilAutomation;
import io.plumbline.command.toil.ToilRules;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.ServiceTierChanged;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import io.plumbline.events.postmortem.ActionItem;
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
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A team and every fact it submits. The team is the consistency boundary for "a team submits only
 * for itself": each fact may refer only to the team's own services, SLOs, incidents, postmortems
 * and runbooks. Each practice keeps its own ledger of what its rules need; snapshots keep loading
 * fast for teams with years of history.
 */
@Aggregate(snapshotTriggerDefinition = "teamSnapshotTrigger", cache = "teamCache")
public class Team {

  static final int MOST_CRITICAL_TIER = 1;
  static final int LEAST_CRITICAL_TIER = 3;

  @AggregateIdentifier private String aggregateId;
  private String teamId;
  private String groupId;
  private boolean retired;
  private Set<String> knownServices = new HashSet<>();
  private Set<String> activeServices = new HashSet<>();
  private SloLedger slos = new SloLedger();
  private PostmortemLedger postmortems = new PostmortemLedger();
  private RunbookLedger runbooks = new RunbookLedger();
  private EventIds eventIds = new EventIds();

  protected Team() {}

  public static String aggregateId(String teamId) {
    return "team:" + teamId;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Outcome handle(RegisterTeam command, GroupDirectory groups) {
    TeamRegistered event =
        new TeamRegistered(
            command.eventId(),
            command.teamId(),
            command.name(),
            command.groupId(),
            command.occurredAt());
    if (eventIds.isRepeat(event)) {
      return Outcome.DUPLICATE;
    }
    if (aggregateId != null) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS,
          "teamId",
          "Team '%s' is already registered.".formatted(command.teamId()));
    }
    requireGroup(groups, command.groupId());
    apply(event);
    return Outcome.ACCEPTED;
  }

  @CommandHandler
  public Outcome handle(MoveTeam command, GroupDirectory groups) {
    return accept(
        new TeamMoved(
            command.eventId(), teamId, groupId, command.toGroupId(), command.occurredAt()),
        () -> {
          if (command.toGroupId().equals(groupId)) {
            throw new CommandRejectedException(
                Reason.ALREADY_IN_GROUP,
                "toGroupId",
                "Team '%s' is already in group '%s'.".formatted(teamId, groupId));
          }
          requireGroup(groups, command.toGroupId());
        });
  }

  @CommandHandler
  public Outcome handle(RetireTeam command) {
    return accept(new TeamRetired(command.eventId(), teamId, command.occurredAt()), () -> {});
  }

  @CommandHandler
  public Outcome handle(RegisterService command) {
    return accept(
        new ServiceRegistered(
            command.eventId(),
            teamId,
            command.serviceId(),
            command.name(),
            command.tier(),
            command.occurredAt()),
        () -> {
          requireTier(command.tier());
          if (knownServices.contains(command.serviceId())) {
            throw new CommandRejectedException(
                Reason.ALREADY_EXISTS,
                "serviceId",
                "Service '%s' is already registered.".formatted(command.serviceId()));
          }
        });
  }

  @CommandHandler
  public Outcome handle(ChangeServiceTier command) {
    return accept(
        new ServiceTierChanged(
            command.eventId(), teamId, command.serviceId(), command.tier(), command.occurredAt()),
        () -> {
          requireTier(command.tier());
          RunbookLedger.requireActiveService(teamId, command.serviceId(), activeServices);
        });
  }

  @CommandHandler
  public Outcome handle(RetireService command) {
    return accept(
        new ServiceRetired(command.eventId(), teamId, command.serviceId(), command.occurredAt()),
        () -> RunbookLedger.requireActiveService(teamId, command.serviceId(), activeServices));
  }

  @CommandHandler
  public Outcome handle(DefineSlo command) {
    return accept(
        new SloDefined(
            command.eventId(),
            teamId,
            command.sloId(),
            command.serviceId(),
            command.sliKind(),
            normalize(command.objectivePercent()),
            command.windowDays(),
            command.errorBudgetPolicy(),
            command.burnRateAlerts(),
            command.occurredAt()),
        () -> slos.checkDefine(command, activeServices));
  }

  @CommandHandler
  public Outcome handle(ReviewSlo command) {
    return accept(
        new SloReviewed(command.eventId(), teamId, command.sloId(), command.occurredAt()),
        () -> slos.checkActive(command.sloId()));
  }

  @CommandHandler
  public Outcome handle(RetireSlo command) {
    return accept(
        new SloRetired(command.eventId(), teamId, command.sloId(), command.occurredAt()),
        () -> slos.checkActive(command.sloId()));
  }

  @CommandHandler
  public Outcome handle(InvokeErrorBudgetPolicy command) {
    return accept(
        new ErrorBudgetPolicyInvoked(
            command.eventId(), teamId, command.sloId(), command.action(), command.occurredAt()),
        () -> slos.checkActive(command.sloId()));
  }

  /**
   * Brings the OpenSLO-managed SLOs in line with the specs, all or nothing: one invalid spec
   * refuses the whole set, so the stored SLOs never match half a repository.
   */
  @CommandHandler
  public ReconcileSlos.Result handle(ReconcileSlos command) {
    requireActiveTeam();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (SloSpec spec : command.specs()) {
      if (!seen.add(spec.sloId())) {
        throw new CommandRejectedException(
            Reason.ALREADY_EXISTS,
            "metadata.name",
            "SLO '%s' is described twice.".formatted(spec.sloId()));
      }
      slos.checkSpec(spec, activeServices);
    }
    java.util.List<String> defined = new java.util.ArrayList<>();
    java.util.List<String> redefined = new java.util.ArrayList<>();
    java.util.List<String> unchanged = new java.util.ArrayList<>();
    for (SloSpec spec : command.specs()) {
      if (slos.unchanged(spec)) {
        unchanged.add(spec.sloId());
        continue;
      }
      (slos.exists(spec.sloId()) ? redefined : defined).add(spec.sloId());
      apply(
          new SloDefined(
              SloLedger.OPENSLO_EVENT_PREFIX + java.util.UUID.randomUUID(),
              teamId,
              spec.sloId(),
              spec.serviceId(),
              spec.sliKind(),
              spec.objectivePercent(),
              spec.windowDays(),
              spec.errorBudgetPolicy(),
              spec.burnRateAlerts(),
              command.occurredAt()));
    }
    java.util.List<String> retiredSlos = new java.util.ArrayList<>();
    for (String sloId : slos.activeManagedByOpenSlo()) {
      if (!seen.contains(sloId)) {
        retiredSlos.add(sloId);
        apply(
            new SloRetired(
                SloLedger.OPENSLO_EVENT_PREFIX + java.util.UUID.randomUUID(),
                teamId,
                sloId,
                command.occurredAt()));
      }
    }
    return new ReconcileSlos.Result(defined, redefined, retiredSlos, unchanged);
  }

  @CommandHandler
  public Outcome handle(RecordIncident command) {
    return accept(
        new IncidentRecorded(
            command.eventId(),
            teamId,
            command.incidentId(),
            command.severity(),
            command.startedAt(),
            command.resolvedAt(),
            command.occurredAt()),
        () -> postmortems.checkRecord(command));
  }

  @CommandHandler
  public Outcome handle(PublishPostmortem command) {
    return accept(
        new PostmortemPublished(
            command.eventId(),
            teamId,
            command.postmortemId(),
            command.incidentId(),
            command.blameless(),
            command.actionItems().stream()
                .map(i -> new ActionItem(i.actionItemId(), i.dueAt()))
                .toList(),
            command.involvedTeamIds(),
            command.occurredAt()),
        () -> postmortems.checkPublish(command));
  }

  @CommandHandler
  public Outcome handle(CloseActionItem command) {
    return accept(
        new ActionItemClosed(
            command.eventId(),
            teamId,
            command.postmortemId(),
            command.actionItemId(),
            command.shippedImprovement(),
            command.occurredAt()),
        () -> postmortems.checkClose(command));
  }

  @CommandHandler
  public Outcome handle(ReportAlertInventory command) {
    return accept(
        new AlertInventoryReported(
            command.eventId(),
            teamId,
            command.serviceId(),
            command.alertNames(),
            command.occurredAt()),
        () -> RunbookLedger.requireActiveService(teamId, command.serviceId(), activeServices));
  }

  @CommandHandler
  public Outcome handle(PublishRunbook command) {
    return accept(
        new RunbookPublished(
            command.eventId(),
            teamId,
            command.runbookId(),
            command.serviceId(),
            command.coveredAlerts(),
            command.automated(),
            command.occurredAt()),
        () -> runbooks.checkPublish(command, activeServices));
  }

  @CommandHandler
  public Outcome handle(ReviewRunbook command) {
    return accept(
        new RunbookReviewed(command.eventId(), teamId, command.runbookId(), command.occurredAt()),
        () -> runbooks.checkActive(command.runbookId()));
  }

  @CommandHandler
  public Outcome handle(RetireRunbook command) {
    return accept(
        new RunbookRetired(command.eventId(), teamId, command.runbookId(), command.occurredAt()),
        () -> runbooks.checkActive(command.runbookId()));
  }

  @CommandHandler
  public Outcome handle(MeasureToil command) {
    return accept(
        new ToilMeasured(
            command.eventId(),
            teamId,
            command.periodStart(),
            command.periodEnd(),
            normalize(command.toilHours()),
            normalize(command.opsHours()),
            command.occurredAt()),
        () -> ToilRules.check(command));
  }

  @CommandHandler
  public Outcome handle(ShipToilAutomation command) {
    return accept(
        new ToilAutomationShipped(
            command.eventId(),
            teamId,
            command.automationId(),
            command.description(),
            normalize(command.hoursSavedPerWeek()),
            command.occurredAt()),
        () -> ToilRules.check(command));
  }

  /**
   * Applies the event unless it repeats one already accepted; refuses it when the team is retired
   * or the checks fail. Nothing is applied when anything throws.
   */
  private Outcome accept(PlumblineEvent event, Runnable checks) {
    if (eventIds.isRepeat(event)) {
      return Outcome.DUPLICATE;
    }
    requireActiveTeam();
    checks.run();
    apply(event);
    return Outcome.ACCEPTED;
  }

  private void requireActiveTeam() {
    if (retired) {
      throw new CommandRejectedException(
          Reason.TEAM_RETIRED,
          "teamId",
          "Team '%s' is retired and accepts no further evidence.".formatted(teamId));
    }
  }

  private static void requireGroup(GroupDirectory groups, String groupId) {
    if (!groups.exists(groupId)) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_GROUP, "groupId", "Group '%s' does not exist.".formatted(groupId));
    }
  }

  private static void requireTier(int tier) {
    if (tier < MOST_CRITICAL_TIER || tier > LEAST_CRITICAL_TIER) {
      throw new CommandRejectedException(
          Reason.TIER_OUT_OF_RANGE,
          "tier",
          "The tier must be between %d and %d, but was %d."
              .formatted(MOST_CRITICAL_TIER, LEAST_CRITICAL_TIER, tier));
    }
  }

  @EventSourcingHandler
  void on(TeamRegistered event) {
    aggregateId = aggregateId(event.teamId());
    teamId = event.teamId();
    groupId = event.groupId();
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(TeamMoved event) {
    groupId = event.toGroupId();
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(TeamRetired event) {
    retired = true;
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(ServiceRegistered event) {
    knownServices.add(event.serviceId());
    activeServices.add(event.serviceId());
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(ServiceRetired event) {
    activeServices.remove(event.serviceId());
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(SloDefined event) {
    slos.on(event);
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(SloRetired event) {
    slos.on(event);
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(IncidentRecorded event) {
    postmortems.on(event);
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(PostmortemPublished event) {
    postmortems.on(event);
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(ActionItemClosed event) {
    postmortems.on(event);
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(RunbookPublished event) {
    runbooks.on(event);
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(RunbookRetired event) {
    runbooks.on(event);
    eventIds.record(event);
  }

  /** Events that change no invariant state; only their ids are remembered. */
  @EventSourcingHandler
  void on(PlumblineEvent event) {
    eventIds.record(event);
  }
}
