package io.plumbline.query.quarters;

import io.plumbline.events.TeamEvent;
import io.plumbline.query.facts.TeamFacts;
import io.plumbline.query.facts.TeamFactsReader;
import io.plumbline.query.rubric.MaturityEvaluator;
import io.plumbline.query.rubric.Quarter;
import io.plumbline.query.rubric.admin.ActiveRubric;
import io.plumbline.query.rubric.admin.UnderRubric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps each team's quarterly figures in step with its facts: recomputes the quarters of dirty
 * teams under the rubric in force, compares them with the quarter's publication (restatements), and
 * tells the rollups which quarters changed.
 */
@Component
public class TeamQuarters {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeamQuarters.class);

  private final MongoTemplate mongo;
  private final TeamFactsReader facts;
  private final ActiveRubric rubric;
  private final DirtyMarks marks;
  private final QuarterVersions versions;
  private final Publications publications;
  private final List<QuartersChanged> listeners;
  private final Clock clock;

  /** The fence of a team's figures: how many of its facts they were computed from. */
  private static final String FACT_COUNT = "factCount";

  /** Which replica this is, for the claims it holds on marks. */
  private final String replica = java.util.UUID.randomUUID().toString();

  /** How long a claim on a team's mark holds if its replica dies before it is done. */
  private static final Duration CLAIM = Duration.ofMinutes(1);

  TeamQuarters(
      MongoTemplate mongo,
      TeamFactsReader facts,
      ActiveRubric rubric,
      DirtyMarks marks,
      QuarterVersions versions,
      Publications publications,
      List<QuartersChanged> listeners,
      Clock clock) {
    this.mongo = mongo;
    this.facts = facts;
    this.rubric = rubric;
    this.marks = marks;
    this.versions = versions;
    this.publications = publications;
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
    rubric.follow();
    ActiveRubric.InForce inForce = rubric.inForce();
    Map<String, Publication> published = publications.byQuarter();
    Set<Quarter> touched = new TreeSet<>();
    List<DirtyTeam> handled = new ArrayList<>();
    int teams = 0;
    for (DirtyTeam mark : marks.ready(quiet, maxWait, limit)) {
      if (!marks.claim(mark.teamId(), replica, CLAIM)) {
        continue; // another replica is recomputing this team
      }
      try {
        Quarter from = Quarter.parse(mark.fromQuarter());
        if (DirtyTeam.GROUPS.equals(mark.teamId())) {
          touched.addAll(quartersFrom(notBeforeTheOrg(from), now));
        } else {
          touched.addAll(recomputeTeam(mark.teamId(), from, inForce, published, now));
          teams++;
        }
        handled.add(mark);
      } catch (RuntimeException e) {
        // One team's failure must not hold the others back; its mark stays for the next round.
        log.warn("Recomputing the figures of {} failed: {}", mark.teamId(), e.toString());
        marks.release(mark.teamId(), replica);
      }
    }
    if (!touched.isEmpty()) {
      versions.changed(touched);
      listeners.forEach(listener -> listener.recomputed(touched, inForce, now));
    }
    if (rubric.follow() != inForce.generation()) {
      // a rubric was activated meanwhile: what this round computed is superseded, so the marks
      // stay and the next round recomputes under the new rubric
      log.info("A rubric was activated during a recomputation; its teams are recomputed again");
      handled.forEach(mark -> marks.release(mark.teamId(), replica));
      return teams;
    }
    handled.forEach(mark -> marks.done(mark, replica));
    return teams;
  }

  /**
   * Recomputes the team's quarters from {@code from} on. An unpublished quarter costs one write; a
   * published one also reads its published row and the row it replaces.
   */
  private List<Quarter> recomputeTeam(
      String teamId,
      Quarter from,
      ActiveRubric.InForce inForce,
      Map<String, Publication> published,
      Instant now) {
    MaturityEvaluator evaluator = inForce.evaluator();
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
      Instant asOf = calendar.evaluationInstant(quarter, now);
      String id = TeamQuarter.id(teamId, quarter.toString());
      Optional<TeamQuarter> next =
          TeamQuarterCalculator.calculate(teamFacts, evaluator, quarter, asOf, now);
      if (next.isEmpty()) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), TeamQuarter.class);
        continue;
      }
      Publication publication = published.get(quarter.toString());
      TeamQuarter row =
          publication == null
              ? againstPublication(next.get(), null, null, null, quarter, teamFacts, inForce, now)
              : againstPublication(
                  next.get(),
                  mongo.findById(id, TeamQuarter.class),
                  publication,
                  mongo.findById(id, PublishedTeamQuarter.class),
                  quarter,
                  teamFacts,
                  inForce,
                  now);
      UnderRubric.save(mongo, row, row.id(), inForce.generation(), FACT_COUNT, row.factCount());
    }
    return quarters;
  }

  /**
   * The figures against the quarter's publication, if it is published: restated when they differ
   * from the published ones under the same rubric, naming the events that arrived since and count
   * for the quarter; marked apart when the rubric changed since, which is no restatement.
   */
  private TeamQuarter againstPublication(
      TeamQuarter next,
      TeamQuarter previous,
      Publication publication,
      PublishedTeamQuarter publishedRow,
      Quarter quarter,
      TeamFacts teamFacts,
      ActiveRubric.InForce inForce,
      Instant now) {
    long generation = inForce.generation();
    Optional<PublishedTeamQuarter> published = Optional.ofNullable(publishedRow);
    boolean rubricChanged =
        published.isPresent()
            && !published.get().row().rubricVersion().equals(next.rubricVersion());
    List<TeamQuarter.Restatement> restatements = List.of();
    if (published.isPresent() && !rubricChanged && !next.sameFiguresAs(published.get().row())) {
      Instant end = inForce.evaluator().calendar().end(quarter);
      List<String> causes =
          teamFacts.arrivedAfter(published.get().factCount()).stream()
              .filter(event -> event.occurredAt().isBefore(end))
              .map(TeamEvent::eventId)
              .toList();
      Instant since =
          previous != null && !previous.restatements().isEmpty()
              ? previous.restatements().get(0).at()
              : now;
      restatements =
          List.of(
              new TeamQuarter.Restatement(
                  since,
                  causes,
                  "figures changed since the quarter was published",
                  publication.publishedAt(),
                  TeamQuarter.Figures.of(published.get().row()),
                  TeamQuarter.Figures.of(next)));
    }
    return next.standing(generation, rubricChanged, restatements);
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
