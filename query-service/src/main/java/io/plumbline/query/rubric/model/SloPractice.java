package io.plumbline.query.rubric.model;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.facts.model.TeamFacts.ActiveService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SLO practice: SLOs exist (1), carry an error-budget policy (2), alert on burn rate for every
 * critical service (3), change behaviour through reviews and policy invocations (4), and cover
 * every important service with every SLO reviewed each quarter (5).
 */
public final class SloPractice {

  private final Set<Integer> burnRateAlertTiers;
  private final Set<Integer> fullCoverageTiers;

  public SloPractice(Rubric.SloRules rules) {
    this.burnRateAlertTiers = rules.burnRateAlertTiers();
    this.fullCoverageTiers = rules.fullCoverageTiers();
  }

  public PracticeResult evaluate(TeamFacts facts, Period period) {
    Instant t = period.asOf();
    Map<String, SloDefined> active = activeSlos(facts.before(t));
    Map<String, ActiveService> services = facts.activeServices(t);
    List<Criterion> criteria = new ArrayList<>();

    criteria.add(
        new Criterion(
            1,
            "slo.active",
            "At least one active SLO",
            !active.isEmpty(),
            active.size() + " active SLO(s)",
            ids(active.values())));

    List<SloDefined> withPolicy =
        active.values().stream().filter(SloDefined::errorBudgetPolicy).toList();
    criteria.add(
        new Criterion(
            2,
            "slo.error-budget-policy",
            "An active SLO has an error-budget policy",
            !withPolicy.isEmpty(),
            withPolicy.size() + " active SLO(s) with an error-budget policy",
            ids(withPolicy)));

    List<SloDefined> alerting =
        active.values().stream().filter(SloDefined::burnRateAlerts).toList();
    criteria.add(
        new Criterion(
            3,
            "slo.burn-rate-alerts",
            "At least one active SLO has multi-window burn-rate alerts",
            !alerting.isEmpty(),
            alerting.size() + " active SLO(s) with burn-rate alerts",
            ids(alerting)));
    criteria.add(
        everyServiceCovered(
            3,
            "slo.critical-services-alerted",
            "Every active tier %s service has an active SLO with burn-rate alerts",
            burnRateAlertTiers,
            services,
            alerting));

    List<String> behaviour = new ArrayList<>();
    for (TeamEvent e : facts.before(t)) {
      if ((e instanceof SloReviewed || e instanceof ErrorBudgetPolicyInvoked)
          && period.inThisQuarter(e.occurredAt())) {
        behaviour.add(e.eventId());
      }
    }
    criteria.add(
        new Criterion(
            4,
            "slo.changes-behaviour",
            "An SLO was reviewed or its error-budget policy invoked this quarter",
            !behaviour.isEmpty(),
            behaviour.size() + " review(s) or invocation(s) this quarter",
            behaviour));

    criteria.add(
        everyServiceCovered(
            5,
            "slo.important-services-covered",
            "Every active tier %s service has an active SLO",
            fullCoverageTiers,
            services,
            active.values()));
    criteria.add(everySloReviewedThisQuarter(facts, period, active));

    return PracticeResult.of(Practice.SLOS, criteria);
  }

  /** The latest definition of each SLO defined and not retired before T. */
  static Map<String, SloDefined> activeSlos(List<TeamEvent> events) {
    Map<String, SloDefined> active = new LinkedHashMap<>();
    for (TeamEvent event : events) {
      if (event instanceof SloDefined d) {
        active.put(d.sloId(), d);
      } else if (event instanceof SloRetired r) {
        active.remove(r.sloId());
      }
    }
    return active;
  }

  private static Criterion everyServiceCovered(
      int level,
      String id,
      String description,
      Set<Integer> tiers,
      Map<String, ActiveService> services,
      Collection<SloDefined> slos) {
    Set<String> covered = slos.stream().map(SloDefined::serviceId).collect(Collectors.toSet());
    List<ActiveService> inScope =
        services.values().stream().filter(s -> tiers.contains(s.tier())).toList();
    List<ActiveService> uncovered =
        inScope.stream().filter(s -> !covered.contains(s.serviceId())).toList();
    String tierText = tiers.stream().sorted().map(String::valueOf).collect(Collectors.joining("/"));
    boolean passed = uncovered.isEmpty();
    String detail =
        passed
            ? inScope.size() + " tier " + tierText + " service(s), all covered"
            : "Not covered: "
                + uncovered.stream()
                    .map(ActiveService::serviceId)
                    .collect(Collectors.joining(", "));
    List<String> evidence =
        passed
            ? slos.stream()
                .filter(
                    slo -> inScope.stream().anyMatch(s -> s.serviceId().equals(slo.serviceId())))
                .map(SloDefined::eventId)
                .toList()
            : uncovered.stream().map(ActiveService::registrationEventId).toList();
    return new Criterion(level, id, description.formatted(tierText), passed, detail, evidence);
  }

  private static Criterion everySloReviewedThisQuarter(
      TeamFacts facts, Period period, Map<String, SloDefined> active) {
    Map<String, String> reviewOf = new LinkedHashMap<>();
    for (SloReviewed review : facts.before(period.asOf(), SloReviewed.class)) {
      if (period.inThisQuarter(review.occurredAt()) && active.containsKey(review.sloId())) {
        reviewOf.put(review.sloId(), review.eventId());
      }
    }
    List<String> unreviewed =
        active.keySet().stream().filter(slo -> !reviewOf.containsKey(slo)).toList();
    boolean passed = unreviewed.isEmpty();
    return new Criterion(
        5,
        "slo.all-reviewed-this-quarter",
        "Every active SLO was reviewed this quarter",
        passed,
        passed
            ? active.size() + " active SLO(s), all reviewed this quarter"
            : "Not reviewed this quarter: " + String.join(", ", unreviewed),
        passed
            ? List.copyOf(reviewOf.values())
            : unreviewed.stream().map(slo -> active.get(slo).eventId()).toList());
  }

  private static List<String> ids(Collection<? extends TeamEvent> events) {
    return events.stream().map(TeamEvent::eventId).toList();
  }
}
