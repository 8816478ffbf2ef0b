package io.plumbline.events.build;

import io.plumbline.events.exemption.ExemptionGranted;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds an {@link ExemptionGranted}: by default checkout need not measure toil for 90 days. */
public final class ExemptionGrantedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String exemptionId = Defaults.EXEMPTION_ID;
  private String criterionId = "toil.measured";
  private String reason = "The team is new; toil is measured from next quarter";
  private String approvedBy = "Head of SRE";
  private Instant expiresAt = Defaults.OCCURRED_AT.plus(Duration.ofDays(90));
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ExemptionGrantedBuilder() {}

  public static ExemptionGrantedBuilder anExemptionGranted() {
    return new ExemptionGrantedBuilder();
  }

  public ExemptionGrantedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ExemptionGrantedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ExemptionGrantedBuilder withExemptionId(String exemptionId) {
    this.exemptionId = exemptionId;
    return this;
  }

  public ExemptionGrantedBuilder withCriterionId(String criterionId) {
    this.criterionId = criterionId;
    return this;
  }

  public ExemptionGrantedBuilder withReason(String reason) {
    this.reason = reason;
    return this;
  }

  public ExemptionGrantedBuilder withApprovedBy(String approvedBy) {
    this.approvedBy = approvedBy;
    return this;
  }

  public ExemptionGrantedBuilder withExpiresAt(Instant expiresAt) {
    this.expiresAt = expiresAt;
    return this;
  }

  public ExemptionGrantedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ExemptionGranted build() {
    return new ExemptionGranted(
        eventId.get(), teamId, exemptionId, criterionId, reason, approvedBy, expiresAt, occurredAt);
  }
}
