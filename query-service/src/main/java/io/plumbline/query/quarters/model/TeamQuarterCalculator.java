package io.plumbline.query.quarters.model;

import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.rubric.model.Criterion;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.model.Period;
import io.plumbline.query.rubric.model.PracticeResult;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.TeamMaturity;
import io.plumbline.query.rubric.model.ToilPractice;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Evaluates one team for one quarter into the row that rollups are computed from. */
public final class TeamQuarterCalculator {

  private TeamQuarterCalculator() {}

  /**
   * @param asOf the quarter's end for a closed quarter, now for the current one
   * @return the row, or empty when the team was not registered before {@code asOf}
   */
  public static Optional<TeamQuarter> calculate(
      TeamFacts facts, MaturityEvaluator evaluator, Quarter quarter, Instant asOf, Instant now) {
    Optional<String> group = facts.groupAt(asOf);
    if (group.isEmpty()) {
      return Optional.empty();
    }
    TeamMaturity maturity = evaluator.evaluate(facts, asOf);
    Period period = Period.asOf(asOf, evaluator.calendar());
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (PracticeResult result : maturity.practices().values()) {
      levels.put(result.practice().name().toLowerCase(Locale.ROOT), result.level());
    }
    int[] tier1 = tier1Coverage(facts, asOf);
    Optional<ToilPractice.QuarterToil> toil = ToilPractice.thisQuarter(facts, period);
    return Optional.of(
        new TeamQuarter(
            TeamQuarter.id(facts.teamId(), quarter.toString()),
            facts.teamId(),
            facts.name(asOf).orElse(null),
            quarter.toString(),
            group.get(),
            facts.activeAt(asOf),
            levels,
            maturity.overallLevel(),
            maturity.overallLevelByExemption(),
            maturity.score(evaluator.rubric().weights()),
            maturity.exactScore(evaluator.rubric().weights()),
            tier1[0],
            tier1[1],
            facts.activeServices(asOf).values().stream()
                .map(TeamFacts.ActiveService::tier)
                .distinct()
                .sorted()
                .toList(),
            nextSteps(maturity),
            leadTimesSeconds(facts, period),
            toil.map(ToilPractice.QuarterToil::toilHours).orElse(null),
            toil.map(ToilPractice.QuarterToil::opsHours).orElse(null),
            evaluator.rubric().version(),
            0, // the generation is the store's business: see TeamQuarters
            facts.size(),
            now,
            false,
            List.of()));
  }

  /**
   * The criteria that failed at each practice's next level, in practice order: what stands between
   * the team and that level.
   */
  static List<String> nextSteps(TeamMaturity maturity) {
    return maturity.practices().values().stream()
        .flatMap(
            result ->
                result.criteria().stream()
                    .filter(c -> c.level() == result.level() + 1 && !c.passed())
                    .map(Criterion::id))
        .toList();
  }

  /** Active tier-1 services, and how many of them have an active SLO. */
  private static int[] tier1Coverage(TeamFacts facts, Instant asOf) {
    Map<String, String> sloService = new HashMap<>();
    for (var event : facts.before(asOf)) {
      if (event instanceof SloDefined d) {
        sloService.put(d.sloId(), d.serviceId());
      } else if (event instanceof SloRetired r) {
        sloService.remove(r.sloId());
      }
    }
    Set<String> covered = new HashSet<>(sloService.values());
    int services = 0;
    int withSlo = 0;
    for (var service : facts.activeServices(asOf).values()) {
      if (service.tier() == 1) {
        services++;
        if (covered.contains(service.serviceId())) {
          withSlo++;
        }
      }
    }
    return new int[] {services, withSlo};
  }

  /** Seconds from incident resolution to publication, for postmortems published this quarter. */
  private static List<Long> leadTimesSeconds(TeamFacts facts, Period period) {
    Map<String, Instant> resolved = new HashMap<>();
    facts
        .before(period.asOf(), IncidentRecorded.class)
        .forEach(i -> resolved.put(i.incidentId(), i.resolvedAt()));
    return facts.before(period.asOf(), PostmortemPublished.class).stream()
        .filter(p -> period.inThisQuarter(p.occurredAt()))
        .filter(p -> resolved.containsKey(p.incidentId()))
        .map(p -> Duration.between(resolved.get(p.incidentId()), p.occurredAt()).toSeconds())
        .toList();
  }
}
