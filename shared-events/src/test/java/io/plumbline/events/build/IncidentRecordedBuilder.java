package io.plumbline.events.build;

import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds an {@link IncidentRecorded}: by default checkout's hour-long SEV2 INC-1. */
public final class IncidentRecordedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String incidentId = Defaults.INCIDENT_ID;
  private Severity severity = Severity.SEV2;
  private Instant startedAt = Defaults.OCCURRED_AT.minus(Duration.ofHours(1));
  private Instant resolvedAt = Defaults.OCCURRED_AT;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private IncidentRecordedBuilder() {}

  public static IncidentRecordedBuilder anIncidentRecorded() {
    return new IncidentRecordedBuilder();
  }

  public IncidentRecordedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public IncidentRecordedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public IncidentRecordedBuilder withIncidentId(String incidentId) {
    this.incidentId = incidentId;
    return this;
  }

  public IncidentRecordedBuilder withSeverity(Severity severity) {
    this.severity = severity;
    return this;
  }

  public IncidentRecordedBuilder withStartedAt(Instant startedAt) {
    this.startedAt = startedAt;
    return this;
  }

  public IncidentRecordedBuilder withResolvedAt(Instant resolvedAt) {
    this.resolvedAt = resolvedAt;
    return this;
  }

  public IncidentRecordedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public IncidentRecorded build() {
    return new IncidentRecorded(
        eventId.get(), teamId, incidentId, severity, startedAt, resolvedAt, occurredAt);
  }
}
