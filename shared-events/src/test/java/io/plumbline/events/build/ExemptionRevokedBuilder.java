package io.plumbline.events.build;

import io.plumbline.events.exemption.ExemptionRevoked;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds an {@link ExemptionRevoked}: by default checkout's exemption ends. */
public final class ExemptionRevokedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String exemptionId = Defaults.EXEMPTION_ID;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ExemptionRevokedBuilder() {}

  public static ExemptionRevokedBuilder anExemptionRevoked() {
    return new ExemptionRevokedBuilder();
  }

  public ExemptionRevokedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ExemptionRevokedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ExemptionRevokedBuilder withExemptionId(String exemptionId) {
    this.exemptionId = exemptionId;
    return this;
  }

  public ExemptionRevokedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ExemptionRevoked build() {
    return new ExemptionRevoked(eventId.get(), teamId, exemptionId, occurredAt);
  }
}
