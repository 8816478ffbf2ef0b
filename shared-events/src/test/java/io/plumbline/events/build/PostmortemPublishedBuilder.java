package io.plumbline.events.build;

import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.PostmortemPublished;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Builds a {@link PostmortemPublished}: by default checkout's PM-1 of INC-1, with no actions. */
public final class PostmortemPublishedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String postmortemId = Defaults.POSTMORTEM_ID;
  private String incidentId = Defaults.INCIDENT_ID;
  private boolean blameless = false;
  private List<ActionItem> actionItems = List.of();
  private List<String> involvedTeamIds = List.of();
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private PostmortemPublishedBuilder() {}

  public static PostmortemPublishedBuilder aPostmortemPublished() {
    return new PostmortemPublishedBuilder();
  }

  public PostmortemPublishedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public PostmortemPublishedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public PostmortemPublishedBuilder withPostmortemId(String postmortemId) {
    this.postmortemId = postmortemId;
    return this;
  }

  public PostmortemPublishedBuilder withIncidentId(String incidentId) {
    this.incidentId = incidentId;
    return this;
  }

  public PostmortemPublishedBuilder withBlameless(boolean blameless) {
    this.blameless = blameless;
    return this;
  }

  public PostmortemPublishedBuilder withActionItems(ActionItem... actionItems) {
    this.actionItems = List.of(actionItems);
    return this;
  }

  public PostmortemPublishedBuilder withInvolvedTeamIds(String... involvedTeamIds) {
    this.involvedTeamIds = List.of(involvedTeamIds);
    return this;
  }

  public PostmortemPublishedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public PostmortemPublished build() {
    return new PostmortemPublished(
        eventId.get(),
        teamId,
        postmortemId,
        incidentId,
        blameless,
        actionItems,
        involvedTeamIds,
        occurredAt);
  }
}
