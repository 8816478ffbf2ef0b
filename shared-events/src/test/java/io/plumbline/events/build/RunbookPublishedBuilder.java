package io.plumbline.events.build;

import io.plumbline.events.runbook.RunbookPublished;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Builds a {@link RunbookPublished}: by default a manual runbook for one alert of the api. */
public final class RunbookPublishedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String runbookId = Defaults.RUNBOOK_ID;
  private String serviceId = Defaults.SERVICE_ID;
  private List<String> coveredAlerts = List.of(Defaults.ALERT);
  private boolean automated = false;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private RunbookPublishedBuilder() {}

  public static RunbookPublishedBuilder aRunbookPublished() {
    return new RunbookPublishedBuilder();
  }

  public RunbookPublishedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public RunbookPublishedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public RunbookPublishedBuilder withRunbookId(String runbookId) {
    this.runbookId = runbookId;
    return this;
  }

  public RunbookPublishedBuilder withServiceId(String serviceId) {
    this.serviceId = serviceId;
    return this;
  }

  public RunbookPublishedBuilder withCoveredAlerts(String... coveredAlerts) {
    this.coveredAlerts = List.of(coveredAlerts);
    return this;
  }

  public RunbookPublishedBuilder withAutomated(boolean automated) {
    this.automated = automated;
    return this;
  }

  public RunbookPublishedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public RunbookPublished build() {
    return new RunbookPublished(
        eventId.get(), teamId, runbookId, serviceId, coveredAlerts, automated, occurredAt);
  }
}
