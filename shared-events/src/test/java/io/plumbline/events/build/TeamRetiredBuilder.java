package io.plumbline.events.build;

import io.plumbline.events.org.TeamRetired;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link TeamRetired}: by default the checkout team, retired. */
public final class TeamRetiredBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private TeamRetiredBuilder() {}

  public static TeamRetiredBuilder aTeamRetired() {
    return new TeamRetiredBuilder();
  }

  public TeamRetiredBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public TeamRetiredBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public TeamRetiredBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public TeamRetired build() {
    return new TeamRetired(eventId.get(), teamId, occurredAt);
  }
}
