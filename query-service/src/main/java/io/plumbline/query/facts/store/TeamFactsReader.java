package io.plumbline.query.facts.store;

import io.plumbline.events.EventJson;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.query.facts.model.FactLog;
import io.plumbline.query.facts.model.TeamFacts;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Loads a team's facts from its fact log and turns them back into contract events. */
@Component
public class TeamFactsReader {

  private final MongoTemplate mongo;

  public TeamFactsReader(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The team's facts, or empty when no registration of the team has been projected. */
  public Optional<TeamFacts> load(String teamId) {
    return facts(teamId, mongo.findById(FactLog.team(teamId), FactLog.class));
  }

  /**
   * The facts of these teams, read in one query, by team id; a team none of whose registrations has
   * been projected is absent.
   */
  public Map<String, TeamFacts> loadAll(java.util.Collection<String> teamIds) {
    if (teamIds.isEmpty()) {
      return Map.of();
    }
    List<String> ids = teamIds.stream().map(FactLog::team).toList();
    Map<String, TeamFacts> loaded = new HashMap<>();
    for (FactLog log : mongo.find(new Query(Criteria.where("_id").in(ids)), FactLog.class)) {
      String teamId = log.id().substring("team:".length());
      facts(teamId, log).ifPresent(facts -> loaded.put(teamId, facts));
    }
    return loaded;
  }

  private static Optional<TeamFacts> facts(String teamId, FactLog log) {
    if (log == null) {
      return Optional.empty();
    }
    List<TeamEvent> events =
        log.payloads().stream()
            .map(p -> (TeamEvent) EventJson.fromBytes(p.getBytes(StandardCharsets.UTF_8)))
            .toList();
    if (events.stream().noneMatch(TeamRegistered.class::isInstance)) {
      return Optional.empty();
    }
    return Optional.of(new TeamFacts(teamId, events));
  }

  /** Every group definition projected so far. */
  public List<GroupDefined> groupDefinitions() {
    FactLog log = mongo.findById(FactLog.GROUPS, FactLog.class);
    if (log == null) {
      return List.of();
    }
    return log.payloads().stream()
        .map(p -> (GroupDefined) EventJson.fromBytes(p.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  /**
   * How many events each team's log holds, by team id: a log only grows, so the events after this
   * many are the ones that arrive later.
   */
  public Map<String, Long> factCounts() {
    Query all = new Query(Criteria.where("_id").regex("^team:"));
    all.fields().include("count");
    Map<String, Long> counts = new HashMap<>();
    for (Document log : mongo.find(all, Document.class, "fact_logs")) {
      Number count = log.get("count", Number.class);
      counts.put(
          log.getString("_id").substring("team:".length()), count == null ? 0L : count.longValue());
    }
    return counts;
  }

  /** The ids of every team with a fact log. */
  public List<String> teamIds() {
    return mongo
        .findDistinct(
            new org.springframework.data.mongodb.core.query.Query(),
            "_id",
            FactLog.class,
            String.class)
        .stream()
        .filter(id -> id.startsWith("team:"))
        .map(id -> id.substring("team:".length()))
        .toList();
  }
}
