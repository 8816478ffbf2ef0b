package io.plumbline.events.build;

import io.plumbline.events.postmortem.ActionItemClosed;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds an {@link ActionItemClosed}: by default AI-1 of checkout's PM-1, closed. */
public final class ActionItemClosedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String postmortemId = Defaults.POSTMORTEM_ID;
  private String actionItemId = "AI-1";
  private boolean shippedImprovement = false;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ActionItemClosedBuilder() {}

  public static ActionItemClosedBuilder anActionItemClosed() {
    return new ActionItemClosedBuilder();
  }

  public ActionItemClosedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ActionItemClosedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ActionItemClosedBuilder withPostmortemId(String postmortemId) {
    this.postmortemId = postmortemId;
    return this;
  }

  public ActionItemClosedBuilder withActionItemId(String actionItemId) {
    this.actionItemId = actionItemId;
    return this;
  }

  public ActionItemClosedBuilder withShippedImprovement(boolean shippedImprovement) {
    this.shippedImprovement = shippedImprovement;
    return this;
  }

  public ActionItemClosedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ActionItemClosed build() {
    return new ActionItemClosed(
        eventId.get(), teamId, postmortemId, actionItemId, shippedImprovement, occurredAt);
  }
}
