package io.plumbline.events.build;

import io.plumbline.events.toil.ToilMeasured;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link ToilMeasured}: by default 20 of checkout's 100 operational hours were toil. */
public final class ToilMeasuredBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private Instant periodStart = Instant.parse("2025-12-01T00:00:00Z");
  private Instant periodEnd = Instant.parse("2026-01-01T00:00:00Z");
  private BigDecimal toilHours = BigDecimal.valueOf(20);
  private BigDecimal opsHours = BigDecimal.valueOf(100);
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ToilMeasuredBuilder() {}

  public static ToilMeasuredBuilder aToilMeasured() {
    return new ToilMeasuredBuilder();
  }

  public ToilMeasuredBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ToilMeasuredBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ToilMeasuredBuilder withPeriodStart(Instant periodStart) {
    this.periodStart = periodStart;
    return this;
  }

  public ToilMeasuredBuilder withPeriodEnd(Instant periodEnd) {
    this.periodEnd = periodEnd;
    return this;
  }

  public ToilMeasuredBuilder withToilHours(BigDecimal toilHours) {
    this.toilHours = toilHours;
    return this;
  }

  public ToilMeasuredBuilder withOpsHours(BigDecimal opsHours) {
    this.opsHours = opsHours;
    return this;
  }

  public ToilMeasuredBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ToilMeasured build() {
    return new ToilMeasured(
        eventId.get(), teamId, periodStart, periodEnd, toilHours, opsHours, occurredAt);
  }
}
