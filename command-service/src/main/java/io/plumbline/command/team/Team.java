package io.plumbline.command.team;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.EventIds;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.common.Reason;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.command.slo.DefineSlo;
import io.plumbline.command.slo.InvokeErrorBudgetPolicy;
import io.plumbline.command.slo.RetireSlo;
import io.plumbline.command.slo.ReviewSlo;
import io.plumbline.command.slo.SloRules;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A team with the services it owns and its SLOs. Every fact a team submits passes through here, so
 * that it refers only to the team's own services and SLOs.
 */
@Aggregate
public class Team {

  static final int MOST_CRITICAL_TIER = 1;
  static final int LEAST_CRITICAL_TIER = 3;

  @AggregateIdentifier private String aggregateId;
  private final Set<String> services = new HashSet<>();
  private final Map<String, Boolean> sloRetired = new HashMap<>();
  private final EventIds eventIds = new EventIds();

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
    if (!groups.exists(command.groupId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_GROUP,
          "groupId",
          "Group '%s' does not exist.".formatted(command.groupId()));
    }
    apply(event);
    return Outcome.ACCEPTED;
  }

  @CommandHandler
  public Outcome handle(RegisterService command) {
    ServiceRegistered event =
        new ServiceRegistered(
            command.eventId(),
            command.teamId(),
            command.serviceId(),
            command.name(),
            command.tier(),
            command.occurredAt());
    if (eventIds.isRepeat(event)) {
      return Outcome.DUPLICATE;
    }
    if (command.tier() < MOST_CRITICAL_TIER || command.tier() > LEAST_CRITICAL_TIER) {
      throw new CommandRejectedException(
          Reason.TIER_OUT_OF_RANGE,
          "tier",
          "The tier must be between %d and %d, but was %d."
              .formatted(MOST_CRITICAL_TIER, LEAST_CRITICAL_TIER, command.tier()));
    }
    if (services.contains(command.serviceId())) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS,
          "serviceId",
          "Service '%s' is already registered.".formatted(command.serviceId()));
    }
    apply(event);
    return Outcome.ACCEPTED;
  }

  @CommandHandler
  public Outcome handle(DefineSlo command) {
    SloDefined event =
        new SloDefined(
            command.eventId(),
            command.teamId(),
            command.sloId(),
            command.serviceId(),
            command.sliKind(),
            new BigDecimal(command.objectivePercent().stripTrailingZeros().toPlainString()),
            command.windowDays(),
            command.errorBudgetPolicy(),
            command.burnRateAlerts(),
            command.occurredAt());
    if (eventIds.isRepeat(event)) {
      return Outcome.DUPLICATE;
    }
    SloRules.check(command);
    if (!services.contains(command.serviceId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SERVICE,
          "serviceId",
          "Team '%s' has no service '%s'; register it first."
              .formatted(command.teamId(), command.serviceId()));
    }
    if (Boolean.TRUE.equals(sloRetired.get(command.sloId()))) {
      throw sloRetired(command.sloId());
    }
    apply(event);
    return Outcome.ACCEPTED;
  }

  @CommandHandler
  public Outcome handle(ReviewSlo command) {
    return applyToActiveSlo(
        command.sloId(),
        new SloReviewed(
            command.eventId(), command.teamId(), command.sloId(), command.occurredAt()));
  }

  @CommandHandler
  public Outcome handle(RetireSlo command) {
    return applyToActiveSlo(
        command.sloId(),
        new SloRetired(command.eventId(), command.teamId(), command.sloId(), command.occurredAt()));
  }

  @CommandHandler
  public Outcome handle(InvokeErrorBudgetPolicy command) {
    return applyToActiveSlo(
        command.sloId(),
        new ErrorBudgetPolicyInvoked(
            command.eventId(),
            command.teamId(),
            command.sloId(),
            command.action(),
            command.occurredAt()));
  }

  private Outcome applyToActiveSlo(String sloId, PlumblineEvent event) {
    if (eventIds.isRepeat(event)) {
      return Outcome.DUPLICATE;
    }
    Boolean retired = sloRetired.get(sloId);
    if (retired == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_SLO, "sloId", "The team has no SLO '%s'.".formatted(sloId));
    }
    if (retired) {
      throw sloRetired(sloId);
    }
    apply(event);
    return Outcome.ACCEPTED;
  }

  private static CommandRejectedException sloRetired(String sloId) {
    return new CommandRejectedException(
        Reason.SLO_RETIRED, "sloId", "SLO '%s' is retired.".formatted(sloId));
  }

  @EventSourcingHandler
  void on(TeamRegistered event) {
    aggregateId = aggregateId(event.teamId());
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(ServiceRegistered event) {
    services.add(event.serviceId());
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(SloDefined event) {
    sloRetired.put(event.sloId(), false);
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(SloRetired event) {
    sloRetired.put(event.sloId(), true);
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(SloReviewed event) {
    eventIds.record(event);
  }

  @EventSourcingHandler
  void on(ErrorBudgetPolicyInvoked event) {
    eventIds.record(event);
  }
}
