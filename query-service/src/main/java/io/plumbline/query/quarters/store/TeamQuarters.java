package io.plumbline.query.quarters.store;

import io.plumbline.events.TeamEvent;
import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.facts.store.TeamFactsReader;
import io.plumbline.query.quarters.model.Publication;
import io.plumbline.query.quarters.model.PublishedTeamQuarter;
import io.plumbline.query.quarters.model.QuartersChanged;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.model.TeamQuarterCalculator;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.RubricInForce;
import io.plumbline.query.rubric.store.ActiveRubric;
import io.plumbline.query.rubric.store.FencedFigureWrites;
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
  private final PublicationStore publications;
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
      PublicationStore publications,
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
   * Claims the dirty teams that have been quiet for a moment (so that a burst of events is
   * evaluated once), at most {@code limit}, in one request: another replica may hold some of them,
   * and recomputes those.
   */
  public Claimed claim(Duration quiet, Duration maxWait, int limit) {
    Instant now = clock.instant();
    rubric.follow();
    RubricInForce inForce = rubric.inForce();
    List<DirtyTeam> ready = marks.ready(quiet, maxWait, limit);
    Set<String> claimed =
        marks.claim(ready.stream().map(DirtyTeam::teamId).toList(), replica, CLAIM);
    return new Claimed(
        ready.stream().filter(mark -> claimed.contains(mark.teamId())).toList(), inForce, now);
  }

  /** Marks this replica holds, and the rubric in force when it claimed them. */
  public record Claimed(List<DirtyTeam> marks, RubricInForce inForce, Instant now) {
    /** The marks in {@code parts} slices of about equal size, for workers side by side. */
    public List<Claimed> split(int parts) {
      List<Claimed> slices = new ArrayList<>();
      int size = (marks.size() + parts - 1) / Math.max(1, parts);
      for (int from = 0; from < marks.size(); from += size) {
        slices.add(
            new Claimed(marks.subList(from, Math.min(marks.size(), from + size)), inForce, now));
      }
      return slices;
    }
  }

  /**
   * Recomputes the claimed teams: reads their facts and writes their figures each in one request,
   * so that a round's cost follows the teams' facts rather than round trips to the store. The
   * rollups of the quarters it touched are owed until {@link #rollUp} (once for many rounds: a
   * rollup reads every row of its quarter), and the marks stay claimed until {@link #finish}.
   *
   * @return what the round did
   */
  public Round recompute(Claimed claimed) {
    List<DirtyTeam> mine = claimed.marks();
    RubricInForce inForce = claimed.inForce();
    Instant now = claimed.now();
    if (mine.isEmpty()) {
      return new Round(0, Set.of(), List.of());
    }
    List<String> mineIds = mine.stream().map(DirtyTeam::teamId).toList();
    Map<String, Publication> published;
    Map<String, TeamFacts> teamFacts;
    try {
      published = publications.byQuarter();
      teamFacts =
          facts.loadAll(mineIds.stream().filter(id -> !DirtyTeam.GROUPS.equals(id)).toList());
    } catch (RuntimeException e) {
      marks.release(mineIds, replica);
      throw e;
    }
    Set<Quarter> touched = new TreeSet<>();
    List<DirtyTeam> handled = new ArrayList<>();
    Figures figures = new Figures();
    int teams = 0;
    for (DirtyTeam mark : mine) {
      try {
        Quarter from = Quarter.parse(mark.fromQuarter());
        if (DirtyTeam.GROUPS.equals(mark.teamId())) {
          touched.addAll(quartersFrom(notBeforeTheOrg(from), now));
        } else if (registeredLater(teamFacts.get(mark.teamId()), now)) {
          // registered for a moment still to come (within the clock skew the ingest allows): no
          // quarter has figures yet, so its mark stays until the moment has come
          marks.release(mark.teamId(), replica);
          continue;
        } else {
          touched.addAll(
              recomputeTeam(teamFacts.get(mark.teamId()), from, inForce, published, now, figures));
          teams++;
        }
        handled.add(mark);
      } catch (RuntimeException e) {
        // One team's failure must not hold the others back; its mark stays for the next round.
        log.warn("Recomputing the figures of {} failed: {}", mark.teamId(), e.toString());
        marks.release(mark.teamId(), replica);
      }
    }
    try {
      figures.write(mongo);
    } catch (RuntimeException e) {
      marks.release(handled.stream().map(DirtyTeam::teamId).toList(), replica);
      throw e;
    }
    if (!touched.isEmpty()) {
      versions.changed(touched);
    }
    if (rubric.follow() != inForce.generation()) {
      // a rubric was activated meanwhile: what this round computed is superseded, so the marks
      // stay and the next round recomputes under the new rubric
      log.info("A rubric was activated during a recomputation; its teams are recomputed again");
      marks.release(handled.stream().map(DirtyTeam::teamId).toList(), replica);
      return new Round(teams, touched, List.of());
    }
    return new Round(teams, touched, handled);
  }

  private static boolean registeredLater(TeamFacts facts, Instant now) {
    return facts != null && facts.registeredAt().map(at -> at.isAfter(now)).orElse(false);
  }

  /**
   * Removes the marks of recomputed teams once their quarters are rolled up, each unless it was
   * marked again meanwhile.
   */
  public void finish(List<DirtyTeam> handled) {
    marks.done(handled, replica);
  }

  /**
   * What a round did: how many teams it recomputed, which quarters' rows it changed (their rollups
   * are owed), and the marks to remove once they are rolled up ({@link #finish}).
   */
  public record Round(int teams, Set<Quarter> touched, List<DirtyTeam> handled) {}

  /** Tells the rollups of these quarters that their team rows changed. */
  public void rollUp(Set<Quarter> quarters, RubricInForce inForce, Instant now) {
    if (!quarters.isEmpty()) {
      listeners.forEach(listener -> listener.recomputed(quarters, inForce, now));
    }
  }

  /** The rows a round writes and removes, written together at its end. */
  private static final class Figures {
    private final List<FencedFigureWrites.Fenced> rows = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    void write(MongoTemplate mongo) {
      if (!removed.isEmpty()) {
        mongo.remove(Query.query(Criteria.where("_id").in(removed)), TeamQuarter.class);
      }
      FencedFigureWrites.saveAll(mongo, TeamQuarter.class, rows);
    }
  }

  /**
   * Recomputes the team's quarters from {@code from} on into {@code figures}. A published quarter
   * also reads its published row and the row it replaces.
   *
   * @param teamFacts null when no registration of the team has been projected
   */
  private List<Quarter> recomputeTeam(
      TeamFacts teamFacts,
      Quarter from,
      RubricInForce inForce,
      Map<String, Publication> published,
      Instant now,
      Figures figures) {
    if (teamFacts == null) {
      return List.of();
    }
    MaturityEvaluator evaluator = inForce.evaluator();
    Quarter.Calendar calendar = evaluator.calendar();
    String teamId = teamFacts.teamId();
    Quarter first = calendar.quarterOf(teamFacts.registeredAt().orElse(now));
    Quarter start = from.compareTo(first) < 0 ? first : from;
    List<Quarter> quarters = quartersFrom(start, now);
    for (Quarter quarter : quarters) {
      Instant asOf = calendar.evaluationInstant(quarter, now);
      String id = TeamQuarter.id(teamId, quarter.toString());
      Optional<TeamQuarter> next =
          TeamQuarterCalculator.calculate(teamFacts, evaluator, quarter, asOf, now);
      if (next.isEmpty()) {
        figures.removed.add(id);
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
      figures.rows.add(
          new FencedFigureWrites.Fenced(
              row, row.id(), inForce.generation(), FACT_COUNT, row.factCount()));
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
      RubricInForce inForce,
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
