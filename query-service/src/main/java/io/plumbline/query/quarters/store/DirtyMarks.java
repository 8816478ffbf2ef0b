package io.plumbline.query.quarters.store;

import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import io.plumbline.query.facts.model.FactsListener;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.RubricReplay;
import io.plumbline.query.rubric.store.ActiveRubric;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which teams' figures are out of date, and from which quarter: marked as facts arrive, when the
 * clock moves on, and when a rubric is activated. Marks live in MongoDB, so every replica sees the
 * same ones.
 */
@Component
public class DirtyMarks implements FactsListener, RubricReplay {

  private final MongoTemplate mongo;
  private final ActiveRubric rubric;
  private final Clock clock;

  public DirtyMarks(MongoTemplate mongo, ActiveRubric rubric, Clock clock) {
    this.mongo = mongo;
    this.rubric = rubric;
    this.clock = clock;
  }

  /** Marks every team of a projected batch from the earliest quarter its events touch. */
  @Override
  public void projected(List<? extends PlumblineEvent> events) {
    Quarter.Calendar calendar = rubric.calendar();
    Instant now = clock.instant();
    Map<String, Quarter> from = new LinkedHashMap<>();
    for (PlumblineEvent event : events) {
      String scope = event instanceof TeamEvent team ? team.teamId() : DirtyTeam.GROUPS;
      Quarter quarter = calendar.quarterOf(event.occurredAt());
      from.merge(scope, quarter, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    mark(from, now);
  }

  /**
   * Marks every team with figures, and the groups, from the quarter given on (one write). A team
   * with facts but no figures yet is marked already, by the facts that arrived; listing teams from
   * their figures rather than their fact logs reads small rows instead of every team's history.
   */
  public int markAllTeams(Quarter from) {
    List<String> teams = mongo.findDistinct(new Query(), "teamId", TeamQuarter.class, String.class);
    Map<String, Quarter> scopes = new LinkedHashMap<>();
    teams.forEach(team -> scopes.put(team, from));
    scopes.put(DirtyTeam.GROUPS, from);
    mark(scopes, clock.instant());
    return teams.size();
  }

  /**
   * Marks the teams whose stored rows lack a field that rows have since gained, from the earliest
   * such quarter, so that an upgrade fills it in without waiting for new facts.
   *
   * @return how many teams were marked
   */
  public int markRowsWithout(String field) {
    Query older = Query.query(Criteria.where(field).exists(false));
    older.fields().include("teamId").include("quarter");
    Map<String, Quarter> from = new LinkedHashMap<>();
    for (org.bson.Document row : mongo.find(older, org.bson.Document.class, "team_quarters")) {
      from.merge(
          row.getString("teamId"),
          Quarter.parse(row.getString("quarter")),
          (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    mark(from, clock.instant());
    return from.size();
  }

  /** From the first quarter there is: the figures a replay recomputes are all of them. */
  @Override
  public int replayAll() {
    return markAllTeams(new Quarter(1, 1));
  }

  @Override
  public long pendingTeams() {
    return mongo.count(Query.query(Criteria.where("_id").ne(DirtyTeam.GROUPS)), DirtyTeam.class);
  }

  /**
   * The marks that have been quiet for a moment, or waited long enough, and that no replica holds;
   * at most {@code limit}.
   */
  public List<DirtyTeam> ready(java.time.Duration quiet, java.time.Duration maxWait, int limit) {
    Instant now = clock.instant();
    return mongo.find(
        Query.query(
                new Criteria()
                    .andOperator(
                        new Criteria()
                            .orOperator(
                                Criteria.where("lastMarkedAt").lte(now.minus(quiet)),
                                Criteria.where("firstMarkedAt").lte(now.minus(maxWait))),
                        unclaimed(now)))
            .limit(limit),
        DirtyTeam.class);
  }

  /**
   * Claims a team's mark for this replica for a while (a lease), so that one replica at a time
   * recomputes the team; a replica that dies holding it loses it when the lease runs out.
   *
   * @return whether this replica holds it now
   */
  public boolean claim(String teamId, String replica, java.time.Duration lease) {
    return !claim(List.of(teamId), replica, lease).isEmpty();
  }

  /**
   * Claims the marks of these teams that no other replica holds, in one write: each mark goes to
   * the one replica whose update finds it unclaimed.
   *
   * @return the teams whose marks this replica holds now
   */
  public java.util.Set<String> claim(
      List<String> teamIds, String replica, java.time.Duration lease) {
    if (teamIds.isEmpty()) {
      return java.util.Set.of();
    }
    Instant now = clock.instant();
    long taken =
        mongo
            .updateMulti(
                Query.query(
                    new Criteria()
                        .andOperator(
                            Criteria.where("_id").in(teamIds),
                            new Criteria()
                                .orOperator(
                                    unclaimed(now), Criteria.where("claimedBy").is(replica)))),
                new Update().set("claimedBy", replica).set("claimedUntil", now.plus(lease)),
                DirtyTeam.class)
            .getMatchedCount();
    if (taken == teamIds.size()) {
      return java.util.Set.copyOf(teamIds); // every one: no need to ask which
    }
    Query mine = Query.query(Criteria.where("_id").in(teamIds).and("claimedBy").is(replica));
    mine.fields().include("_id");
    return mongo.find(mine, org.bson.Document.class, "dirty_teams").stream()
        .map(mark -> mark.getString("_id"))
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Gives a claim up: the mark stays for whichever replica comes next. */
  public void release(String teamId, String replica) {
    release(List.of(teamId), replica);
  }

  /** Gives up this replica's claims on these teams' marks, in one write. */
  public void release(List<String> teamIds, String replica) {
    if (teamIds.isEmpty()) {
      return;
    }
    mongo.updateMulti(
        Query.query(Criteria.where("_id").in(teamIds).and("claimedBy").is(replica)),
        new Update().unset("claimedBy").unset("claimedUntil"),
        DirtyTeam.class);
  }

  /**
   * Removes a mark once handled, unless it was marked again meanwhile: then the claim is given up
   * and the mark stays for the next round.
   */
  public void done(DirtyTeam mark, String replica) {
    done(List.of(mark), replica);
  }

  /**
   * Removes the marks handled, each unless it was marked again meanwhile (one write), and gives up
   * the claims on those that stay (another, only if some stay).
   */
  public void done(List<DirtyTeam> handled, String replica) {
    if (handled.isEmpty()) {
      return;
    }
    BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DirtyTeam.class);
    handled.forEach(
        mark ->
            removals.remove(
                Query.query(Criteria.where("_id").is(mark.teamId()).and("seq").is(mark.seq()))));
    if (removals.execute().getDeletedCount() < handled.size()) {
      // some were marked again meanwhile: they stay, free for the next round
      release(handled.stream().map(DirtyTeam::teamId).toList(), replica);
    }
  }

  private static Criteria unclaimed(Instant now) {
    return new Criteria()
        .orOperator(
            Criteria.where("claimedUntil").exists(false),
            Criteria.where("claimedUntil").is(null),
            Criteria.where("claimedUntil").lte(now));
  }

  /** Marks each scope from its quarter on (or from an earlier mark's), in one write. */
  private void mark(Map<String, Quarter> from, Instant now) {
    if (from.isEmpty()) {
      return;
    }
    BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DirtyTeam.class);
    from.forEach(
        (scope, quarter) ->
            marks.upsert(Query.query(Criteria.where("_id").is(scope)), markUpdate(quarter, now)));
    marks.execute();
  }

  private static Update markUpdate(Quarter from, Instant now) {
    return new Update()
        .min("fromQuarter", from.toString())
        .inc("seq", 1)
        .set("lastMarkedAt", now)
        .setOnInsert("firstMarkedAt", now);
  }
}
