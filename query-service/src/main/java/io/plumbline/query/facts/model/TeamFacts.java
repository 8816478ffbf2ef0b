package io.plumbline.query.facts.model;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.ServiceTierChanged;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event of one team, in the order they happened in the team's world; and in the order they
 * arrived, for what arrived after a moment such as a publication.
 */
public final class TeamFacts {

  private static final Comparator<TeamEvent> IN_ORDER =
      Comparator.comparing(TeamEvent::occurredAt).thenComparing(TeamEvent::eventId);

  private final String teamId;
  private final List<TeamEvent> events;
  private final List<TeamEvent> arrived;

  /**
   * @param events the team's events in the order they arrived
   */
  public TeamFacts(String teamId, List<? extends TeamEvent> events) {
    this.teamId = teamId;
    this.arrived = List.copyOf(events);
    this.events = arrived.stream().sorted(IN_ORDER).toList();
  }

  /** How many events have arrived. */
  public int size() {
    return arrived.size();
  }

  /** The events that arrived after the first {@code count}, in the order they arrived. */
  public List<TeamEvent> arrivedAfter(long count) {
    return count >= arrived.size() ? List.of() : arrived.subList((int) count, arrived.size());
  }

  public String teamId() {
    return teamId;
  }

  /** The events that count as of T: those that occurred before it. */
  public List<TeamEvent> before(Instant asOf) {
    return events.stream().filter(e -> e.occurredAt().isBefore(asOf)).toList();
  }

  public <E extends TeamEvent> List<E> before(Instant asOf, Class<E> type) {
    return before(asOf).stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The team's services active at T, by id, with their latest tier before T. */
  public Map<String, ActiveService> activeServices(Instant asOf) {
    Map<String, ActiveService> services = new LinkedHashMap<>();
    for (TeamEvent event : before(asOf)) {
      if (event instanceof ServiceRegistered r) {
        services.put(r.serviceId(), new ActiveService(r.serviceId(), r.tier(), r.eventId()));
      } else if (event instanceof ServiceTierChanged c && services.containsKey(c.serviceId())) {
        services.computeIfPresent(
            c.serviceId(), (id, s) -> new ActiveService(id, c.tier(), s.registrationEventId()));
      } else if (event instanceof ServiceRetired r) {
        services.remove(r.serviceId());
      }
    }
    return services;
  }

  /** The group the team belonged to at T, or empty when it was not registered before T. */
  public Optional<String> groupAt(Instant asOf) {
    String group = null;
    for (TeamEvent event : before(asOf)) {
      if (event instanceof TeamRegistered r) {
        group = r.groupId();
      } else if (event instanceof TeamMoved m) {
        group = m.toGroupId();
      }
    }
    return Optional.ofNullable(group);
  }

  /** The name the team was registered under before T, if it was. */
  public Optional<String> name(Instant asOf) {
    return before(asOf, TeamRegistered.class).stream()
        .map(TeamRegistered::name)
        .reduce((a, b) -> b);
  }

  /** Registered before T and not retired before T. */
  public boolean activeAt(Instant asOf) {
    return groupAt(asOf).isPresent() && before(asOf, TeamRetired.class).isEmpty();
  }

  /** When the team was first registered, if it was. */
  public Optional<Instant> registeredAt() {
    return events.stream()
        .filter(TeamRegistered.class::isInstance)
        .map(TeamEvent::occurredAt)
        .findFirst();
  }

  /** A service of the team that is active at the evaluation instant. */
  public record ActiveService(String serviceId, int tier, String registrationEventId) {}
}
