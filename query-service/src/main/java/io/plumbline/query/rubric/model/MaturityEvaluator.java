package io.plumbline.query.rubric.model;

import io.plumbline.query.facts.model.TeamFacts;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Evaluates a team's facts as of an instant under one rubric. */
public final class MaturityEvaluator {

  private final Quarter.Calendar calendar;
  private final Rubric rubric;
  private final SloPractice slos;
  private final PostmortemPractice postmortems;
  private final RunbookPractice runbooks;
  private final ToilPractice toil;

  public MaturityEvaluator(Quarter.Calendar calendar, Rubric rubric) {
    this.calendar = calendar;
    this.rubric = rubric;
    this.slos = new SloPractice(rubric.slos());
    this.postmortems = new PostmortemPractice(rubric.postmortems());
    this.runbooks = new RunbookPractice(rubric.runbooks());
    this.toil = new ToilPractice(rubric.toil());
  }

  public Quarter.Calendar calendar() {
    return calendar;
  }

  public Rubric rubric() {
    return rubric;
  }

  public TeamMaturity evaluate(TeamFacts facts, Instant asOf) {
    Period period = Period.asOf(asOf, calendar);
    Exemptions exemptions = Exemptions.standingAt(facts, asOf);
    Map<Practice, PracticeResult> results = new EnumMap<>(Practice.class);
    results.put(Practice.SLOS, exemptions.applyTo(slos.evaluate(facts, period)));
    results.put(Practice.POSTMORTEMS, exemptions.applyTo(postmortems.evaluate(facts, period)));
    results.put(Practice.RUNBOOKS, exemptions.applyTo(runbooks.evaluate(facts, period)));
    results.put(Practice.TOIL, exemptions.applyTo(toil.evaluate(facts, period)));
    return new TeamMaturity(facts.teamId(), period.quarter(), asOf, results);
  }

  /**
   * Every criterion of the rubric by id, with its level and description (as a team with no facts
   * sees them: the descriptions do not depend on the facts).
   */
  public Map<String, Criterion> criteria(Instant asOf) {
    Map<String, Criterion> criteria = new java.util.LinkedHashMap<>();
    evaluate(new TeamFacts("", java.util.List.of()), asOf).practices().values().stream()
        .flatMap(result -> result.criteria().stream())
        .forEach(criterion -> criteria.putIfAbsent(criterion.id(), criterion));
    return criteria;
  }

  /** A team's figures at the end of a quarter: evaluated at its first instant after it. */
  public TeamMaturity evaluate(TeamFacts facts, Quarter quarter) {
    return evaluate(facts, calendar.end(quarter));
  }
}
