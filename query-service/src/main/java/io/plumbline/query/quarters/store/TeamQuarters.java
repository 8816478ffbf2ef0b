package io.plumbline.query.quarters.store;

import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.facts.store.TeamFactsReader;
import io.plumbline.query.quarters.model.Publication;
import io.plumbline.query.quarters.model.PublicationStanding;
import io.plumbline.query.quarters.model.PublishedTeamQuarter;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.model.TeamQuarterCalculator;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.RubricInForce;
import io.plumbline.query.rubric.store.ActiveRubric;
import io.plumbline.query.rubric.store.FencedFigureWrites;
import java.time.Clock;
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
 * Recomputes the quarters of claimed teams under the rubric in force, each against the quarter's
 * publication (restatements), and writes their rows fenced by the facts they were computed from.
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
  private final Clock clock;

  /** The fence of a team's figures: how many of its facts they were computed from. */
  private static final String FACT_COUNT = "factCount";

  TeamQuarters(
      MongoTemplate mongo,
      TeamFactsReader facts,
      ActiveRubric rubric,
      DirtyMarks marks,
      QuarterVersions versions,
      PublicationStore publications,
      Clock clock) {
    this.mongo = mongo;
    this.facts = facts;
    this.rubric = rubric;
    this.marks = marks;
    this.versions = versions;
    this.publications = publications;
    this.clock = clock;
  }

  /**
   * Recomputes the claimed teams: reads their facts and writes their figures each in one request,
   * so that a round's cost follows the teams' facts rather than round trips to the store. The
   * rollups of the quarters it touched are owed until the drain rolls them up (once for many
   * rounds: a rollup reads every row of its quarter), and the marks stay claimed until then.
   *
   * @return what the round did
   */
  public Round recompute(Claimed claimed) {
    List<DirtyTeam> mine = claimed.marks();
    String replica = claimed.replica();
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
   * What a round did: how many teams it recomputed, which quarters' rows it changed (their rollups
   * are owed), and the marks to remove once they are rolled up.
   */
  public record Round(int teams, Set<Quarter> touched, List<DirtyTeam> handled) {}

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
              ? PublicationStanding.of(
                  next.get(), null, null, null, quarter, teamFacts, inForce, now)
              : PublicationStanding.of(
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
