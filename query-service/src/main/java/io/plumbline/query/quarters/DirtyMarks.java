package io.plumbline.query.quarters;

import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import io.plumbline.query.facts.FactsListener;
import io.plumbline.query.facts.TeamFactsReader;
import io.plumbline.query.rubric.Quarter;
import io.plumbline.query.rubric.admin.ActiveRubric;
import io.plumbline.query.rubric.admin.RubricReplay;
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
class DirtyMarks implements FactsListener, RubricReplay {

  private final MongoTemplate mongo;
  private final TeamFactsReader facts;
  private final ActiveRubric rubric;
  private final Clock clock;

  DirtyMarks(MongoTemplate mongo, TeamFactsReader facts, ActiveRubric rubric, Clock clock) {
    this.mongo = mongo;
    this.facts = facts;
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
    BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DirtyTeam.class);
    from.forEach(
        (scope, quarter) ->
            marks.upsert(Query.query(Criteria.where("_id").is(scope)), markUpdate(quarter, now)));
    marks.execute();
  }

  /** Marks every registered team, and the groups, from the quarter given on. */
  int markAllTeams(Quarter from) {
    Instant now = clock.instant();
    List<String> teams = facts.teamIds();
    teams.forEach(team -> mark(team, from, now));
    mark(DirtyTeam.GROUPS, from, now);
    return teams.size();
  }

  /**
   * Marks the teams whose stored rows lack a field that rows have since gained, from the earliest
   * such quarter, so that an upgrade fills it in without waiting for new facts.
   *
   * @return how many teams were marked
   */
  int markRowsWithout(String field) {
    Query older = Query.query(Criteria.where(field).exists(false));
    older.fields().include("teamId").include("quarter");
    Map<String, Quarter> from = new LinkedHashMap<>();
    for (org.bson.Document row : mongo.find(older, org.bson.Document.class, "team_quarters")) {
      from.merge(
          row.getString("teamId"),
          Quarter.parse(row.getString("quarter")),
          (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    Instant now = clock.instant();
    from.forEach((team, quarter) -> mark(team, quarter, now));
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
  List<DirtyTeam> ready(java.time.Duration quiet, java.time.Duration maxWait, int limit) {
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
  boolean claim(String teamId, String replica, java.time.Duration lease) {
    Instant now = clock.instant();
    return mongo
            .updateFirst(
                Query.query(
                    new Criteria()
                        .andOperator(
                            Criteria.where("_id").is(teamId),
                            new Criteria()
                                .orOperator(
                                    unclaimed(now), Criteria.where("claimedBy").is(replica)))),
                new Update().set("claimedBy", replica).set("claimedUntil", now.plus(lease)),
                DirtyTeam.class)
            .getModifiedCount()
        == 1;
  }

  /** Gives a claim up: the mark stays for whichever replica comes next. */
  void release(String teamId, String replica) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(teamId).and("claimedBy").is(replica)),
        new Update().unset("claimedBy").unset("claimedUntil"),
        DirtyTeam.class);
  }

  /**
   * Removes a mark once handled, unless it was marked again meanwhile: then the claim is given up
   * and the mark stays for the next round.
   */
  void done(DirtyTeam mark, String replica) {
    long removed =
        mongo
            .remove(
                Query.query(Criteria.where("_id").is(mark.teamId()).and("seq").is(mark.seq())),
                DirtyTeam.class)
            .getDeletedCount();
    if (removed == 0) {
      release(mark.teamId(), replica);
    }
  }

  private static Criteria unclaimed(Instant now) {
    return new Criteria()
        .orOperator(
            Criteria.where("claimedUntil").exists(false),
            Criteria.where("claimedUntil").is(null),
            Criteria.where("claimedUntil").lte(now));
  }

  private void mark(String teamId, Quarter from, Instant now) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(teamId)), markUpdate(from, now), DirtyTeam.class);
  }

  private static Update markUpdate(Quarter from, Instant now) {
    return new Update()
        .min("fromQuarter", from.toString())
        .inc("seq", 1)
        .set("lastMarkedAt", now)
        .setOnInsert("firstMarkedAt", now);
  }
}
