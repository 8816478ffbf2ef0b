package io.plumbline.events.build;

import io.plumbline.events.org.ServiceRetired;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link ServiceRetired}: by default checkout's api, retired. */
public final class ServiceRetiredBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String serviceId = Defaults.SERVICE_ID;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ServiceRetiredBuilder() {}

  public static ServiceRetiredBuilder aServiceRetired() {
    return new ServiceRetiredBuilder();
  }

  public ServiceRetiredBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ServiceRetiredBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ServiceRetiredBuilder withServiceId(String serviceId) {
    this.serviceId = serviceId;
    return this;
  }

  public ServiceRetiredBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ServiceRetired build() {
    return new ServiceRetired(eventId.get(), teamId, serviceId, occurredAt);
  }
}
