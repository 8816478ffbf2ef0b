package io.plumbline.query.projection;

import io.plumbline.events.EventJson;
import io.plumbline.events.EventTypes;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.query.maturity.TeamFacts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Loads a team's facts from the read model and turns them back into contract events. */
@Component
public class TeamFactsReader {

  private final FactRepository facts;

  public TeamFactsReader(FactRepository facts) {
    this.facts = facts;
  }

  /** The team's facts, or empty when no registration of the team has been projected. */
  public Optional<TeamFacts> load(String teamId) {
    List<Fact> stored = facts.findByTeamId(teamId);
    String registered = EventTypes.nameOf(TeamRegistered.class);
    if (stored.stream().noneMatch(f -> registered.equals(f.type()))) {
      return Optional.empty();
    }
    List<TeamEvent> events =
        stored.stream()
            .map(f -> (TeamEvent) EventJson.fromBytes(f.payload().getBytes(StandardCharsets.UTF_8)))
            .toList();
    return Optional.of(new TeamFacts(teamId, events));
  }
}
