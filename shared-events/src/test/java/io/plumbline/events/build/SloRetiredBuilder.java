package io.plumbline.events.build;

import io.plumbline.events.slo.SloRetired;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds an {@link SloRetired}: by default checkout's availability SLO, retired. */
public final class SloRetiredBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String sloId = Defaults.SLO_ID;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private SloRetiredBuilder() {}

  public static SloRetiredBuilder anSloRetired() {
    return new SloRetiredBuilder();
  }

  public SloRetiredBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public SloRetiredBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public SloRetiredBuilder withSloId(String sloId) {
    this.sloId = sloId;
    return this;
  }

  public SloRetiredBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public SloRetired build() {
    return new SloRetired(eventId.get(), teamId, sloId, occurredAt);
  }
}
