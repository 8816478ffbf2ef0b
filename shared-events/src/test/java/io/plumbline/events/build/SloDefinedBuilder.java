package io.plumbline.events.build;

import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Builds an {@link SloDefined}: by default 99.9 % availability of checkout's api over 30 days. */
public final class SloDefinedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String sloId = Defaults.SLO_ID;
  private String serviceId = Defaults.SERVICE_ID;
  private SliKind sliKind = SliKind.AVAILABILITY;
  private List<SloObjective> objectives = List.of(new SloObjective(null, new BigDecimal("99.9")));
  private SloWindow window = SloWindow.rollingDays(30);
  private boolean errorBudgetPolicy = false;
  private boolean burnRateAlerts = false;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private SloDefinedBuilder() {}

  public static SloDefinedBuilder anSloDefined() {
    return new SloDefinedBuilder();
  }

  public SloDefinedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public SloDefinedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public SloDefinedBuilder withSloId(String sloId) {
    this.sloId = sloId;
    return this;
  }

  public SloDefinedBuilder withServiceId(String serviceId) {
    this.serviceId = serviceId;
    return this;
  }

  public SloDefinedBuilder withSliKind(SliKind sliKind) {
    this.sliKind = sliKind;
    return this;
  }

  public SloDefinedBuilder withObjectives(SloObjective... objectives) {
    this.objectives = List.of(objectives);
    return this;
  }

  /** One unnamed objective, as revision 1 of the event had it. */
  public SloDefinedBuilder withObjectivePercent(BigDecimal objectivePercent) {
    return withObjectives(new SloObjective(null, objectivePercent));
  }

  public SloDefinedBuilder withWindow(SloWindow window) {
    this.window = window;
    return this;
  }

  public SloDefinedBuilder withErrorBudgetPolicy(boolean errorBudgetPolicy) {
    this.errorBudgetPolicy = errorBudgetPolicy;
    return this;
  }

  public SloDefinedBuilder withBurnRateAlerts(boolean burnRateAlerts) {
    this.burnRateAlerts = burnRateAlerts;
    return this;
  }

  public SloDefinedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public SloDefined build() {
    return new SloDefined(
        eventId.get(),
        teamId,
        sloId,
        serviceId,
        sliKind,
        objectives,
        window,
        errorBudgetPolicy,
        burnRateAlerts,
        occurredAt);
  }
}
