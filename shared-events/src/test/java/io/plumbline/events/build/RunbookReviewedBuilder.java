package io.plumbline.events.build;

import io.plumbline.events.runbook.RunbookReviewed;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link RunbookReviewed}: by default checkout's runbook rb-1, reviewed. */
public final class RunbookReviewedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String runbookId = Defaults.RUNBOOK_ID;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private RunbookReviewedBuilder() {}

  public static RunbookReviewedBuilder aRunbookReviewed() {
    return new RunbookReviewedBuilder();
  }

  public RunbookReviewedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public RunbookReviewedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public RunbookReviewedBuilder withRunbookId(String runbookId) {
    this.runbookId = runbookId;
    return this;
  }

  public RunbookReviewedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public RunbookReviewed build() {
    return new RunbookReviewed(eventId.get(), teamId, runbookId, occurredAt);
  }
}
