package io.plumbline.query.rollup;

import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.query.maturity.MaturityEvaluator;
import io.plumbline.query.maturity.Quarter;
import io.plumbline.query.maturity.TeamFacts;
import io.plumbline.query.projection.TeamFactsReader;
import io.plumbline.query.rollup.RollupCalculator.GroupNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the precomputed quarterly figures in step with the facts: marks teams dirty as events
 * arrive, recomputes their quarters, records restatements, and recomputes the rollups of every
 * quarter touched.
 */
@Component
public class QuarterlyFigures {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(QuarterlyFigures.class);

  private final MongoTemplate mongo;
  private final TeamFactsReader facts;
  private final ActiveRubric rubric;
  private final Clock clock;

  public QuarterlyFigures(
      MongoTemplate mongo, TeamFactsReader facts, ActiveRubric rubric, Clock clock) {
    this.mongo = mongo;
    this.facts = facts;
    this.rubric = rubric;
    this.clock = clock;
  }

  /** Called once per newly projected event. */
  /**
   * Marks every team of a projected batch from the earliest quarter its events touch, noting the
   * events that arrived after their quarter had closed: one write per team.
   */
  public void eventsProjected(List<? extends PlumblineEvent> events) {
    Quarter.Calendar calendar = rubric.calendar();
    Instant now = clock.instant();
    Map<String, Quarter> from = new LinkedHashMap<>();
    Map<String, List<String>> late = new HashMap<>();
    for (PlumblineEvent event : events) {
      String scope = event instanceof TeamEvent team ? team.teamId() : DirtyTeam.GROUPS;
      Quarter quarter = calendar.quarterOf(event.occurredAt());
      from.merge(scope, quarter, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      if (event instanceof TeamEvent && calendar.end(quarter).compareTo(now) <= 0) {
        late.computeIfAbsent(scope, k -> new ArrayList<>()).add(event.eventId());
      }
    }
    BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DirtyTeam.class);
    from.forEach(
        (scope, quarter) ->
            marks.upsert(
                Query.query(Criteria.where("_id").is(scope)),
                markUpdate(quarter, late.getOrDefault(scope, List.of()), now)));
    marks.execute();
  }

  /** Marks the team's figures from the quarter on for recomputation. */
  public void mark(String teamId, Quarter from, String lateEventId, Instant now) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(teamId)),
        markUpdate(from, lateEventId == null ? List.of() : List.of(lateEventId), now),
        DirtyTeam.class);
  }

  private static Update markUpdate(Quarter from, List<String> lateEventIds, Instant now) {
    Update update =
        new Update()
            .min("fromQuarter", from.toString())
            .inc("seq", 1)
            .set("lastMarkedAt", now)
            .setOnInsert("firstMarkedAt", now);
    if (!lateEventIds.isEmpty()) {
      update.addToSet("lateEventIds").each(lateEventIds.toArray());
    }
    return update;
  }

  /** Marks every registered team, from the quarter given on. */
  public int markAllTeams(Quarter from) {
    Instant now = clock.instant();
    List<String> teams = registeredTeams();
    teams.forEach(team -> mark(team, from, null, now));
    mark(DirtyTeam.GROUPS, from, null, now);
    return teams.size();
  }

  private List<String> registeredTeams() {
    return facts.teamIds();
  }

  /**
   * The rollups a candidate rubric would produce for a quarter, computed from the facts in memory;
   * nothing stored changes.
   */
  public List<Rollup> preview(MaturityEvaluator candidate, Quarter quarter) {
    Instant now = clock.instant();
    Quarter.Calendar calendar = candidate.calendar();
    List<TeamQuarter> rows = new ArrayList<>();
    Map<String, Integer> previous = new HashMap<>();
    for (String teamId : registeredTeams()) {
      Optional<TeamFacts> teamFacts = facts.load(teamId);
      if (teamFacts.isEmpty()) {
        continue;
      }
      TeamQuarterCalculator.calculate(
              teamFacts.get(), candidate, quarter, calendar.evaluationInstant(quarter, now), now)
          .ifPresent(rows::add);
      TeamQuarterCalculator.calculate(
              teamFacts.get(),
              candidate,
              quarter.previous(),
              calendar.evaluationInstant(quarter.previous(), now),
              now)
          .filter(TeamQuarter::active)
          .ifPresent(row -> previous.put(row.teamId(), row.overallLevel()));
    }
    return RollupCalculator.calculate(
        quarter.toString(),
        rows,
        previous,
        groupTree(calendar.evaluationInstant(quarter, now)),
        candidate.rubric().version(),
        now);
  }

  public Quarter.Calendar rubricCalendar() {
    return rubric.calendar();
  }

  public long pendingTeams() {
    return mongo.count(Query.query(Criteria.where("_id").ne(DirtyTeam.GROUPS)), DirtyTeam.class);
  }

  /**
   * Recomputes the dirty teams that have been quiet for a moment (so that a burst of events is
   * evaluated once), then the rollups of every quarter they touched.
   *
   * @return how many teams were recomputed
   */
  public int refresh(java.time.Duration quiet, java.time.Duration maxWait, int limit) {
    Instant now = clock.instant();
    Query ready =
        Query.query(
                new Criteria()
                    .orOperator(
                        Criteria.where("lastMarkedAt").lte(now.minus(quiet)),
                        Criteria.where("firstMarkedAt").lte(now.minus(maxWait))))
            .limit(limit);
    List<DirtyTeam> dirty = mongo.find(ready, DirtyTeam.class);
    Set<Quarter> touched = new TreeSet<>();
    int teams = 0;
    for (DirtyTeam mark : dirty) {
      try {
        Quarter from = Quarter.parse(mark.fromQuarter());
        if (DirtyTeam.GROUPS.equals(mark.teamId())) {
          touched.addAll(quartersFrom(notBeforeTheOrg(from), now));
        } else {
          touched.addAll(recomputeTeam(mark.teamId(), from, mark.lateEventIds(), now));
          teams++;
        }
        mongo.remove(
            Query.query(Criteria.where("_id").is(mark.teamId()).and("seq").is(mark.seq())),
            DirtyTeam.class);
      } catch (RuntimeException e) {
        // One team's failure must not hold the others back; its mark stays for the next round.
        log.warn("Recomputing the figures of {} failed: {}", mark.teamId(), e.toString());
      }
    }
    touched.forEach(quarter -> recomputeRollups(quarter, now));
    return teams;
  }

  private List<Quarter> recomputeTeam(
      String teamId, Quarter from, List<String> lateEventIds, Instant now) {
    MaturityEvaluator evaluator = rubric.evaluator();
    Quarter.Calendar calendar = evaluator.calendar();
    Optional<TeamFacts> loaded = facts.load(teamId);
    if (loaded.isEmpty()) {
      return List.of();
    }
    TeamFacts teamFacts = loaded.get();
    Quarter first = calendar.quarterOf(teamFacts.registeredAt().orElse(now));
    Quarter start = from.compareTo(first) < 0 ? first : from;
    List<Quarter> quarters = quartersFrom(start, now);
    for (Quarter quarter : quarters) {
      Instant end = calendar.end(quarter);
      Instant asOf = calendar.evaluationInstant(quarter, now);
      boolean closed = asOf.equals(end);
      String id = TeamQuarter.id(teamId, quarter.toString());
      TeamQuarter previous = mongo.findById(id, TeamQuarter.class);
      Optional<TeamQuarter> next =
          TeamQuarterCalculator.calculate(teamFacts, evaluator, quarter, asOf, now);
      if (next.isEmpty()) {
        if (previous != null) {
          mongo.remove(previous);
        }
        continue;
      }
      mongo.save(withRestatements(next.get(), previous, closed, end, lateEventIds, teamFacts, now));
    }
    return quarters;
  }

  /**
   * Carries earlier restatements over, and adds one when final figures of a closed quarter,
   * computed under the same rubric, were changed by late events.
   */
  private static TeamQuarter withRestatements(
      TeamQuarter next,
      TeamQuarter previous,
      boolean closed,
      Instant end,
      List<String> lateEventIds,
      TeamFacts teamFacts,
      Instant now) {
    List<TeamQuarter.Restatement> restatements =
        new ArrayList<>(previous == null ? List.of() : previous.restatements());
    boolean previousWasFinal = previous != null && !previous.evaluatedAt().isBefore(end);
    if (closed
        && previousWasFinal
        && previous.rubricVersion().equals(next.rubricVersion())
        && !next.sameFiguresAs(previous)) {
      Set<String> late = new java.util.HashSet<>(lateEventIds == null ? List.of() : lateEventIds);
      List<String> causes =
          teamFacts.before(end).stream().map(TeamEvent::eventId).filter(late::contains).toList();
      restatements.add(
          new TeamQuarter.Restatement(now, causes, "late events changed closed figures"));
    }
    return new TeamQuarter(
        next.id(),
        next.teamId(),
        next.quarter(),
        next.groupId(),
        next.active(),
        next.levels(),
        next.overallLevel(),
        next.score(),
        next.tier1Services(),
        next.tier1Covered(),
        next.postmortemLeadTimesHours(),
        next.toilShare(),
        next.rubricVersion(),
        next.evaluatedAt(),
        restatements);
  }

  /**
   * A replay marks the groups from the first quarter there is (year 1): no group, hence no team,
   * existed before the earliest group definition, so no rollup before its quarter can change.
   */
  private Quarter notBeforeTheOrg(Quarter from) {
    return facts.groupDefinitions().stream()
        .map(group -> rubric.calendar().quarterOf(group.occurredAt()))
        .min(Quarter::compareTo)
        .filter(first -> first.compareTo(from) > 0)
        .orElse(from);
  }

  private List<Quarter> quartersFrom(Quarter from, Instant now) {
    Quarter current = rubric.calendar().quarterOf(now);
    List<Quarter> quarters = new ArrayList<>();
    for (Quarter q = from; q.compareTo(current) <= 0; q = q.next()) {
      quarters.add(q);
    }
    return quarters;
  }

  private void recomputeRollups(Quarter quarter, Instant now) {
    Quarter.Calendar calendar = rubric.calendar();
    Instant asOf = calendar.evaluationInstant(quarter, now);
    List<TeamQuarter> rows =
        mongo.find(
            Query.query(Criteria.where("quarter").is(quarter.toString())), TeamQuarter.class);
    Map<String, Integer> previous = new HashMap<>();
    mongo
        .find(
            Query.query(Criteria.where("quarter").is(quarter.previous().toString())),
            TeamQuarter.class)
        .stream()
        .filter(TeamQuarter::active)
        .forEach(row -> previous.put(row.teamId(), row.overallLevel()));
    List<Rollup> rollups =
        RollupCalculator.calculate(
            quarter.toString(),
            rows,
            previous,
            groupTree(asOf),
            rubric.evaluator().rubric().version(),
            now);
    mongo.remove(Query.query(Criteria.where("quarter").is(quarter.toString())), Rollup.class);
    mongo.insertAll(rollups);
  }

  /** The org tree as it stood at T: each group's latest definition before T. */
  public Map<String, GroupNode> groupTree(Instant asOf) {
    List<GroupDefined> definitions =
        facts.groupDefinitions().stream()
            .filter(g -> g.occurredAt().isBefore(asOf))
            .sorted(java.util.Comparator.comparing(GroupDefined::occurredAt))
            .toList();
    Map<String, GroupNode> tree = new LinkedHashMap<>();
    for (GroupDefined group : definitions) {
      tree.put(
          group.groupId(), new GroupNode(group.groupId(), group.name(), group.parentGroupId()));
    }
    return tree;
  }
}
