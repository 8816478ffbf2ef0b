package io.plumbline.command.team;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.plumbline.command.catalog.Services;
import io.plumbline.command.common.AggregateIds;
import io.plumbline.command.common.EventIds;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.exemption.Exemptions;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.command.postmortem.Postmortems;
import io.plumbline.command.runbook.Runbooks;
import io.plumbline.command.slo.ReconcileSlos;
import io.plumbline.command.slo.Slos;
import io.plumbline.command.toil.Toil;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.exemption.ExemptionEvent;
import io.plumbline.events.org.ServiceEvent;
import io.plumbline.events.org.TeamLifecycleEvent;
import io.plumbline.events.postmortem.PostmortemEvent;
import io.plumbline.events.runbook.RunbookEvent;
import io.plumbline.events.slo.SloEvent;
import io.plumbline.events.toil.ToilEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A team and every fact it submits: the consistency boundary for "a team submits only for itself".
 * The team routes each submitted fact to the practice that decides on it, after two rules of its
 * own: a retry of an accepted fact changes nothing, and only a registered team submits, facts dated
 * within its life. Snapshots (revision {@value #SNAPSHOT_REVISION}) keep long histories loading
 * fast.
 */
@Aggregate(snapshotTriggerDefinition = "teamSnapshotTrigger", cache = "teamCache")
@Revision(Team.SNAPSHOT_REVISION)
public class Team {

  /** Raised whenever the fields below change shape, so that older snapshots are not read. */
  public static final String SNAPSHOT_REVISION = "5";

  @AggregateIdentifier private String aggregateId;
  private EventIds eventIds = new EventIds();
  private TeamLifecycle lifecycle = new TeamLifecycle();
  private Services services = new Services();
  private Slos slos = new Slos();
  private Postmortems postmortems = new Postmortems();
  private Runbooks runbooks = new Runbooks();
  private Toil toil = new Toil();
  private Exemptions exemptions = new Exemptions();

  protected Team() {}

  public static String aggregateId(String teamId) {
    return AggregateIds.team(teamId);
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Outcome handle(TeamSubmission submission, GroupDirectory groups) {
    TeamEvent event = submission.event();
    if (eventIds.isRepeat(TeamLifecycle.asSubmitted(event))) {
      return Outcome.DUPLICATE;
    }
    apply(decide(event, groups));
    return Outcome.ACCEPTED;
  }

  @CommandHandler
  public ReconcileSlos.Result handle(ReconcileSlos command) {
    lifecycle.requireActive(command.teamId(), command.occurredAt());
    return slos.reconcile(
        command.teamId(),
        command.specs(),
        command.occurredAt(),
        services,
        command.dryRun(),
        event -> apply(event));
  }

  /** Each family of facts goes to the one practice that decides on it. */
  private TeamEvent decide(TeamEvent event, GroupDirectory groups) {
    if (event instanceof TeamLifecycleEvent own) {
      return lifecycle.decide(own, groups);
    }
    lifecycle.requireActive(event.teamId(), event.occurredAt());
    if (event instanceof ServiceEvent service) {
      return services.decide(service);
    }
    if (event instanceof SloEvent slo) {
      return slos.decide(slo, services);
    }
    if (event instanceof PostmortemEvent postmortem) {
      return postmortems.decide(postmortem);
    }
    if (event instanceof RunbookEvent runbook) {
      return runbooks.decide(runbook, services);
    }
    if (event instanceof ToilEvent measured) {
      return toil.decide(measured);
    }
    if (event instanceof ExemptionEvent exemption) {
      return exemptions.decide(exemption);
    }
    throw new IllegalArgumentException("No practice decides on " + event.getClass().getName());
  }

  @EventSourcingHandler
  void on(TeamEvent event) {
    aggregateId = aggregateId(event.teamId());
    eventIds.record(TeamLifecycle.asSubmitted(event));
    lifecycle.evolve(event);
    services.evolve(event);
    slos.evolve(event);
    postmortems.evolve(event);
    runbooks.evolve(event);
    toil.evolve(event);
    exemptions.evolve(event);
  }
}
