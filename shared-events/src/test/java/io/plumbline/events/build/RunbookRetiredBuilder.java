package io.plumbline.events.build;

import io.plumbline.events.runbook.RunbookRetired;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link RunbookRetired}: by default checkout's runbook rb-1, retired. */
public final class RunbookRetiredBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String runbookId = Defaults.RUNBOOK_ID;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private RunbookRetiredBuilder() {}

  public static RunbookRetiredBuilder aRunbookRetired() {
    return new RunbookRetiredBuilder();
  }

  public RunbookRetiredBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public RunbookRetiredBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public RunbookRetiredBuilder withRunbookId(String runbookId) {
    this.runbookId = runbookId;
    return this;
  }

  public RunbookRetiredBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public RunbookRetired build() {
    return new RunbookRetired(eventId.get(), teamId, runbookId, occurredAt);
  }
}
