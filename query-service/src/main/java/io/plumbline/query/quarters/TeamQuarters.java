package io.plumbline.query.quarters;

import io.plumbline.events.TeamEvent;
import io.plumbline.query.facts.TeamFacts;
import io.plumbline.query.facts.TeamFactsReader;
import io.plumbline.query.rubric.MaturityEvaluator;
import io.plumbline.query.rubric.Quarter;
import io.plumbline.query.rubric.admin.ActiveRubric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each team's quarterly figures in step with its facts: recomputes the quarters of dirty
 * teams under the rubric in force, records restatements when late facts change a closed quarter,
 * and tells the rollups which quarters changed.
 */
@Component
public class TeamQuarters {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeamQuarters.class);

  private final MongoTemplate mongo;
  private final TeamFactsReader facts;
  private final ActiveRubric rubric;
  private final DirtyMarks marks;
  private final List<QuartersChanged> listeners;
  private final Clock clock;

  TeamQuarters(
      MongoTemplate mongo,
      TeamFactsReader facts,
      ActiveRubric rubric,
      DirtyMarks marks,
      List<QuartersChanged> listeners,
      Clock clock) {
    this.mongo = mongo;
    this.facts = facts;
    this.rubric = rubric;
    this.marks = marks;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  /**
   * Recomputes the dirty teams that have been quiet for a moment (so that a burst of events is
   * evaluated once), then tells the rollups of every quarter they touched.
   *
   * @return how many teams were recomputed
   */
  public int refresh(Duration quiet, Duration maxWait, int limit) {
    Instant now = clock.instant();
    Set<Quarter> touched = new TreeSet<>();
    int teams = 0;
    for (DirtyTeam mark : marks.ready(quiet, maxWait, limit)) {
      try {
        Quarter from = Quarter.parse(mark.fromQuarter());
        if (DirtyTeam.GROUPS.equals(mark.teamId())) {
          touched.addAll(quartersFrom(notBeforeTheOrg(from), now));
        } else {
          touched.addAll(recomputeTeam(mark.teamId(), from, mark.lateEventIds(), now));
          teams++;
        }
        marks.done(mark);
      } catch (RuntimeException e) {
        // One team's failure must not hold the others back; its mark stays for the next round.
        log.warn("Recomputing the figures of {} failed: {}", mark.teamId(), e.toString());
      }
    }
    if (!touched.isEmpty()) {
      listeners.forEach(listener -> listener.recomputed(touched, now));
    }
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
        next.postmortemLeadTimesSeconds(),
        next.toilHours(),
        next.opsHours(),
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
}
