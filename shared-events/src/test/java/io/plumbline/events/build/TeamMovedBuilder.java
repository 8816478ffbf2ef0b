package io.plumbline.events.build;

import io.plumbline.events.org.TeamMoved;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link TeamMoved}: by default checkout, moved from payments to commerce. */
public final class TeamMovedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String fromGroupId = Defaults.GROUP_ID;
  private String toGroupId = "commerce";
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private TeamMovedBuilder() {}

  public static TeamMovedBuilder aTeamMoved() {
    return new TeamMovedBuilder();
  }

  public TeamMovedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public TeamMovedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public TeamMovedBuilder withFromGroupId(String fromGroupId) {
    this.fromGroupId = fromGroupId;
    return this;
  }

  public TeamMovedBuilder withToGroupId(String toGroupId) {
    this.toGroupId = toGroupId;
    return this;
  }

  public TeamMovedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public TeamMoved build() {
    return new TeamMoved(eventId.get(), teamId, fromGroupId, toGroupId, occurredAt);
  }
}
