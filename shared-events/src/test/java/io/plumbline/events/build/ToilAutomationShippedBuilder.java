package io.plumbline.events.build;

import io.plumbline.events.toil.ToilAutomationShipped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link ToilAutomationShipped}: by default checkout saves two hours a week. */
public final class ToilAutomationShippedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String automationId = "cert-rotation";
  private String description = "Certificate rotation";
  private BigDecimal hoursSavedPerWeek = BigDecimal.valueOf(2);
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ToilAutomationShippedBuilder() {}

  public static ToilAutomationShippedBuilder aToilAutomationShipped() {
    return new ToilAutomationShippedBuilder();
  }

  public ToilAutomationShippedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ToilAutomationShippedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ToilAutomationShippedBuilder withAutomationId(String automationId) {
    this.automationId = automationId;
    return this;
  }

  public ToilAutomationShippedBuilder withDescription(String description) {
    this.description = description;
    return this;
  }

  public ToilAutomationShippedBuilder withHoursSavedPerWeek(BigDecimal hoursSavedPerWeek) {
    this.hoursSavedPerWeek = hoursSavedPerWeek;
    return this;
  }

  public ToilAutomationShippedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ToilAutomationShipped build() {
    return new ToilAutomationShipped(
        eventId.get(), teamId, automationId, description, hoursSavedPerWeek, occurredAt);
  }
}
