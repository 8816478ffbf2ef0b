package io.plumbline.events.build;

import io.plumbline.events.org.ServiceRegistered;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link ServiceRegistered}: by default checkout's api, at tier 1. */
public final class ServiceRegisteredBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String serviceId = Defaults.SERVICE_ID;
  private String name = "API";
  private int tier = 1;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ServiceRegisteredBuilder() {}

  public static ServiceRegisteredBuilder aServiceRegistered() {
    return new ServiceRegisteredBuilder();
  }

  public ServiceRegisteredBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ServiceRegisteredBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ServiceRegisteredBuilder withServiceId(String serviceId) {
    this.serviceId = serviceId;
    return this;
  }

  public ServiceRegisteredBuilder withName(String name) {
    this.name = name;
    return this;
  }

  public ServiceRegisteredBuilder withTier(int tier) {
    this.tier = tier;
    return this;
  }

  public ServiceRegisteredBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ServiceRegistered build() {
    return new ServiceRegistered(eventId.get(), teamId, serviceId, name, tier, occurredAt);
  }
}
