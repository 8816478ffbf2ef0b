package io.plumbline.query.rollups.store;

import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.facts.store.TeamFactsReader;
import io.plumbline.query.org.store.OrgTree;
import io.plumbline.query.quarters.model.QuartersChanged;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.model.TeamQuarterCalculator;
import io.plumbline.query.quarters.store.QuarterVersions;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rollups.model.RollupCalculator;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.RubricInForce;
import io.plumbline.query.rubric.store.ActiveRubric;
import io.plumbline.query.rubric.store.FencedFigureWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The group and org rollups of each quarter, recomputed from the team-quarters whenever they
 * change, along the org tree as it stood then; and a candidate rubric's rollups, computed in memory
 * for a preview.
 */
@Component
public class GroupRollups implements QuartersChanged {

  private final MongoTemplate mongo;
  private final TeamFactsReader facts;
  private final ActiveRubric rubric;
  private final OrgTree org;
  private final QuarterVersions versions;
  private final Clock clock;

  /** The fence of a quarter's rollups: the version of the rows they were computed from. */
  private static final String ROWS_VERSION = "rowsVersion";

  GroupRollups(
      MongoTemplate mongo,
      TeamFactsReader facts,
      ActiveRubric rubric,
      OrgTree org,
      QuarterVersions versions,
      Clock clock) {
    this.versions = versions;
    this.mongo = mongo;
    this.org = org;
    this.facts = facts;
    this.rubric = rubric;
    this.clock = clock;
  }

  @Override
  public void recomputed(Set<Quarter> quarters, RubricInForce rubric, Instant now) {
    quarters.forEach(quarter -> recompute(quarter, rubric, now));
  }

  private void recompute(Quarter quarter, RubricInForce inForce, Instant now) {
    // read before the rows: rollups from rows read earlier carry a lower version
    long version = versions.of(quarter);
    List<TeamQuarter> rows =
        mongo.find(
            Query.query(Criteria.where("quarter").is(quarter.toString())), TeamQuarter.class);
    long generation = inForce.generation();
    List<Rollup> rollups =
        calculate(quarter, rows, inForce.evaluator().rubric().version(), now).stream()
            .map(rollup -> rollup.under(generation, version))
            .toList();
    // replaced one by one, never deleted first: a reader always finds the quarter's rollups;
    // rollups a later rubric computed stand
    rollups.forEach(
        rollup ->
            FencedFigureWrites.save(mongo, rollup, rollup.id(), generation, ROWS_VERSION, version));
    mongo.remove(
        Query.query(
            Criteria.where("quarter")
                .is(quarter.toString())
                .and("_id")
                .nin(rollups.stream().map(Rollup::id).toList())
                .orOperator(
                    Criteria.where(FencedFigureWrites.GENERATION).lt(generation),
                    Criteria.where(FencedFigureWrites.GENERATION).exists(false),
                    Criteria.where(FencedFigureWrites.GENERATION)
                        .is(generation)
                        .and(ROWS_VERSION)
                        .lte(version))),
        Rollup.class);
  }

  /**
   * The rollups of a quarter from these team rows, with movers against the stored rows of the
   * quarter before, along the org tree as it stood then.
   */
  public List<Rollup> calculate(Quarter quarter, List<TeamQuarter> rows, Instant now) {
    return calculate(quarter, rows, rubric.evaluator().rubric().version(), now);
  }

  private List<Rollup> calculate(
      Quarter quarter, List<TeamQuarter> rows, String rubricVersion, Instant now) {
    Instant asOf = rubric.calendar().evaluationInstant(quarter, now);
    Map<String, Integer> previous = new HashMap<>();
    mongo
        .find(
            Query.query(Criteria.where("quarter").is(quarter.previous().toString())),
            TeamQuarter.class)
        .stream()
        .filter(TeamQuarter::active)
        .forEach(row -> previous.put(row.teamId(), row.overallLevel()));
    return RollupCalculator.calculate(
        quarter.toString(), rows, previous, org.asOf(asOf), rubricVersion, now);
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
    for (String teamId : facts.teamIds()) {
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
        org.asOf(calendar.evaluationInstant(quarter, now)),
        candidate.rubric().version(),
        now);
  }
}
