package io.plumbline.events.build;

import io.plumbline.events.org.ServiceTierChanged;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link ServiceTierChanged}: by default checkout's api, now at tier 2. */
public final class ServiceTierChangedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String serviceId = Defaults.SERVICE_ID;
  private int tier = 2;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ServiceTierChangedBuilder() {}

  public static ServiceTierChangedBuilder aServiceTierChanged() {
    return new ServiceTierChangedBuilder();
  }

  public ServiceTierChangedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ServiceTierChangedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ServiceTierChangedBuilder withServiceId(String serviceId) {
    this.serviceId = serviceId;
    return this;
  }

  public ServiceTierChangedBuilder withTier(int tier) {
    this.tier = tier;
    return this;
  }

  public ServiceTierChangedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ServiceTierChanged build() {
    return new ServiceTierChanged(eventId.get(), teamId, serviceId, tier, occurredAt);
  }
}
