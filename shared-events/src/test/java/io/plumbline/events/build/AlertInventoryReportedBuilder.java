package io.plumbline.events.build;

import io.plumbline.events.runbook.AlertInventoryReported;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Builds an {@link AlertInventoryReported}: by default checkout's api has one alert. */
public final class AlertInventoryReportedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String serviceId = Defaults.SERVICE_ID;
  private List<String> alertNames = List.of(Defaults.ALERT);
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private AlertInventoryReportedBuilder() {}

  public static AlertInventoryReportedBuilder anAlertInventoryReported() {
    return new AlertInventoryReportedBuilder();
  }

  public AlertInventoryReportedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public AlertInventoryReportedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public AlertInventoryReportedBuilder withServiceId(String serviceId) {
    this.serviceId = serviceId;
    return this;
  }

  public AlertInventoryReportedBuilder withAlertNames(String... alertNames) {
    this.alertNames = List.of(alertNames);
    return this;
  }

  public AlertInventoryReportedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public AlertInventoryReported build() {
    return new AlertInventoryReported(eventId.get(), teamId, serviceId, alertNames, occurredAt);
  }
}
