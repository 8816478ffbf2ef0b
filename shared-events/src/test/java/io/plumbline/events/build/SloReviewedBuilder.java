package io.plumbline.events.build;

import io.plumbline.events.slo.SloReviewed;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds an {@link SloReviewed}: by default checkout's availability SLO, reviewed. */
public final class SloReviewedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String sloId = Defaults.SLO_ID;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private SloReviewedBuilder() {}

  public static SloReviewedBuilder anSloReviewed() {
    return new SloReviewedBuilder();
  }

  public SloReviewedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public SloReviewedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public SloReviewedBuilder withSloId(String sloId) {
    this.sloId = sloId;
    return this;
  }

  public SloReviewedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public SloReviewed build() {
    return new SloReviewed(eventId.get(), teamId, sloId, occurredAt);
  }
}
