package io.plumbline.events.build;

import io.plumbline.events.org.TeamRegistered;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link TeamRegistered}: by default the checkout team, in the payments group. */
public final class TeamRegisteredBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String name = "Checkout";
  private String groupId = Defaults.GROUP_ID;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private TeamRegisteredBuilder() {}

  public static TeamRegisteredBuilder aTeamRegistered() {
    return new TeamRegisteredBuilder();
  }

  public TeamRegisteredBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public TeamRegisteredBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public TeamRegisteredBuilder withName(String name) {
    this.name = name;
    return this;
  }

  public TeamRegisteredBuilder withGroupId(String groupId) {
    this.groupId = groupId;
    return this;
  }

  public TeamRegisteredBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public TeamRegistered build() {
    return new TeamRegistered(eventId.get(), teamId, name, groupId, occurredAt);
  }
}
