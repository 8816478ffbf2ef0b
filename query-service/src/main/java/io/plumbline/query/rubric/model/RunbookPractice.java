package io.plumbline.query.rubric.model;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import io.plumbline.events.runbook.RunbookReviewed;
import io.plumbline.query.facts.model.TeamFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runbook practice: runbooks exist (1), cover half the alerts (2), cover most alerts and stay
 * reviewed (3), are partly automated (4), and cover every alert with recent reviews (5).
 */
public final class RunbookPractice {

  private final Rubric.RunbookRules rules;

  public RunbookPractice(Rubric.RunbookRules rules) {
    this.rules = rules;
  }

  public PracticeResult evaluate(TeamFacts facts, Period period) {
    Instant t = period.asOf();
    Map<String, ActiveRunbook> runbooks = activeRunbooks(facts.before(t));
    Coverage coverage = coverage(facts, t, runbooks);
    List<Criterion> criteria = new ArrayList<>();

    criteria.add(
        new Criterion(
            1,
            "runbook.active",
            "At least one active runbook",
            !runbooks.isEmpty(),
            runbooks.size() + " active runbook(s)",
            runbooks.values().stream().map(r -> r.published().eventId()).toList()));
    criteria.add(coverageCriterion(2, "runbook.coverage-owned", rules.ownedCoverage(), coverage));
    criteria.add(
        coverageCriterion(3, "runbook.coverage-proactive", rules.proactiveCoverage(), coverage));
    criteria.add(
        reviewed(3, "runbook.reviewed-proactive", rules.proactiveReviewDays(), period, runbooks));

    List<ActiveRunbook> automated =
        runbooks.values().stream().filter(r -> r.published().automated()).toList();
    boolean automatedEnough =
        !runbooks.isEmpty()
            && Ratios.atLeast(automated.size(), runbooks.size(), rules.automatedShare());
    criteria.add(
        new Criterion(
            4,
            "runbook.automated",
            "At least %s of active runbooks are automated"
                .formatted(Ratios.percent(rules.automatedShare(), java.math.BigDecimal.ONE)),
            automatedEnough,
            "%d of %d active runbook(s) automated".formatted(automated.size(), runbooks.size()),
            automated.stream().map(r -> r.published().eventId()).toList()));

    criteria.add(
        coverageCriterion(
            5, "runbook.coverage-multiplying", rules.multiplyingCoverage(), coverage));
    criteria.add(
        reviewed(
            5, "runbook.reviewed-multiplying", rules.multiplyingReviewDays(), period, runbooks));
    return PracticeResult.of(Practice.RUNBOOKS, criteria);
  }

  /** Alerts of active services covered by an active runbook of the same service. */
  public record Coverage(int covered, int alerts, List<String> evidence) {}

  static Coverage coverage(TeamFacts facts, Instant t, Map<String, ActiveRunbook> runbooks) {
    Set<String> activeServices = facts.activeServices(t).keySet();
    Map<String, AlertInventoryReported> inventories = new LinkedHashMap<>();
    for (AlertInventoryReported report : facts.before(t, AlertInventoryReported.class)) {
      inventories.put(report.serviceId(), report);
    }
    int alerts = 0;
    int covered = 0;
    List<String> evidence = new ArrayList<>();
    for (AlertInventoryReported inventory : inventories.values()) {
      if (!activeServices.contains(inventory.serviceId())) {
        continue;
      }
      evidence.add(inventory.eventId());
      Set<String> coveredHere = new HashSet<>();
      for (ActiveRunbook runbook : runbooks.values()) {
        if (runbook.published().serviceId().equals(inventory.serviceId())) {
          coveredHere.addAll(runbook.published().coveredAlerts());
        }
      }
      for (String alert : new HashSet<>(inventory.alertNames())) {
        alerts++;
        if (coveredHere.contains(alert)) {
          covered++;
        }
      }
    }
    runbooks.values().forEach(r -> evidence.add(r.published().eventId()));
    return new Coverage(covered, alerts, evidence);
  }

  private Criterion coverageCriterion(
      int level, String id, java.math.BigDecimal threshold, Coverage coverage) {
    boolean passed =
        coverage.alerts() > 0 && Ratios.atLeast(coverage.covered(), coverage.alerts(), threshold);
    return new Criterion(
        level,
        id,
        "Runbooks cover at least %s of alerts"
            .formatted(Ratios.percent(threshold, java.math.BigDecimal.ONE)),
        passed,
        coverage.alerts() == 0
            ? "No alert inventory reported: coverage is undefined"
            : "%d of %d alert(s) covered (%s)"
                .formatted(
                    coverage.covered(),
                    coverage.alerts(),
                    Ratios.percent(coverage.covered(), coverage.alerts())),
        coverage.evidence());
  }

  private static Criterion reviewed(
      int level, String id, int days, Period period, Map<String, ActiveRunbook> runbooks) {
    Instant since = period.daysBefore(days);
    List<ActiveRunbook> stale =
        runbooks.values().stream().filter(r -> r.lastReviewed().isBefore(since)).toList();
    boolean passed = !runbooks.isEmpty() && stale.isEmpty();
    return new Criterion(
        level,
        id,
        "Every active runbook reviewed in the last %d days".formatted(days),
        passed,
        runbooks.isEmpty()
            ? "No active runbook"
            : stale.isEmpty()
                ? runbooks.size() + " active runbook(s), all reviewed"
                : "Not reviewed in time: "
                    + String.join(
                        ", ", stale.stream().map(r -> r.published().runbookId()).toList()),
        passed
            ? runbooks.values().stream().map(ActiveRunbook::lastReviewEventId).toList()
            : stale.stream().map(ActiveRunbook::lastReviewEventId).toList());
  }

  /** A runbook in force at T: its latest publication and its latest review (publication counts). */
  record ActiveRunbook(
      RunbookPublished published, Instant lastReviewed, String lastReviewEventId) {}

  static Map<String, ActiveRunbook> activeRunbooks(List<TeamEvent> events) {
    Map<String, ActiveRunbook> active = new LinkedHashMap<>();
    for (TeamEvent event : events) {
      if (event instanceof RunbookPublished p) {
        active.put(p.runbookId(), new ActiveRunbook(p, p.occurredAt(), p.eventId()));
      } else if (event instanceof RunbookReviewed r && active.containsKey(r.runbookId())) {
        active.computeIfPresent(
            r.runbookId(),
            (id, a) -> new ActiveRunbook(a.published(), r.occurredAt(), r.eventId()));
      } else if (event instanceof RunbookRetired r) {
        active.remove(r.runbookId());
      }
    }
    return active;
  }
}
