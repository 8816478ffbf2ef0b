package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.exemption.ExemptionGranted;
import io.plumbline.events.exemption.ExemptionRevoked;
import io.plumbline.events.exemption.RubricCriteria;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.query.facts.model.TeamFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exempted criterion passes by exemption, visibly, while the exemption stands: from its grant
 * until its expiry (no event needed) or its revocation. The team here has a runbook covering one of
 * its service's four alerts: runbooks level 1, short of the 50 % coverage level 2 asks.
 */
class ExemptionsTest {

  private static final MaturityEvaluator EVALUATOR =
      new MaturityEvaluator(Quarter.Calendar.UTC, RubricDocument.defaultRubric());

  private final List<TeamEvent> events = new ArrayList<>(history());

  private static List<TeamEvent> history() {
    return List.of(
        new TeamRegistered("reg", "t", "Checkout", "eng", at("2026-01-05")),
        new ServiceRegistered("svc", "t", "api", "API", 2, at("2026-01-05")),
        new AlertInventoryReported(
            "inv", "t", "api", List.of("a", "b", "c", "d"), at("2026-01-06")),
        new RunbookPublished("rb", "t", "rb-a", "api", List.of("a"), false, at("2026-01-07")));
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  private PracticeResult runbooks(String asOf) {
    return EVALUATOR
        .evaluate(new TeamFacts("t", events), at(asOf))
        .practices()
        .get(Practice.RUNBOOKS);
  }

  private static Criterion criterion(PracticeResult result, String id) {
    return result.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private void grant(String at, String expires) {
    events.add(
        new ExemptionGranted(
            "grant-1",
            "t",
            "ex-1",
            "runbook.coverage-owned",
            "alerts are being consolidated",
            "VP Engineering",
            at(expires),
            at(at)));
  }

  @Test
  void anExemptedCriterionPassesByExemptionNamingWhyWhoAndUntilWhen() {
    grant("2026-02-01", "2026-07-01");

    PracticeResult result = runbooks("2026-04-01");
    Criterion coverage = criterion(result, "runbook.coverage-owned");

    assertThat(result.level()).isEqualTo(2);
    assertThat(coverage.passed()).isTrue();
    assertThat(coverage.passedByExemption()).isTrue();
    assertThat(coverage.detail())
        .isEqualTo(
            "1 of 4 alert(s) covered (25 %); passed by exemption until 2026-07-01T00:00:00Z (alerts are being"
                + " consolidated, approved by VP Engineering)");
    assertThat(coverage.evidence()).endsWith("grant-1");
    assertThat(coverage.exemption().approvedBy()).isEqualTo("VP Engineering");
    assertThat(
            EVALUATOR
                .evaluate(new TeamFacts("t", events), at("2026-04-01"))
                .overallLevelByExemption())
        .isFalse(); // the overall level is 0: no SLO; the exemption is not what holds it
  }

  @Test
  void beforeItsGrantAndFromItsExpiryTheCriterionIsJudgedAgainWithNoNewEvent() {
    grant("2026-02-01", "2026-07-01");

    assertThat(runbooks("2026-02-01").level()).isEqualTo(1);
    // an exemption that expires at a quarter's end covers that quarter
    assertThat(runbooks("2026-07-01").level()).isEqualTo(2);
    assertThat(runbooks("2026-07-02").level()).isEqualTo(1);
    assertThat(criterion(runbooks("2026-07-02"), "runbook.coverage-owned").exemption()).isNull();
  }

  @Test
  void aRevocationEndsItFromItsDate() {
    grant("2026-02-01", "2026-12-31");
    events.add(new ExemptionRevoked("revoke-1", "t", "ex-1", at("2026-05-01")));

    assertThat(runbooks("2026-04-01").level()).isEqualTo(2);
    assertThat(runbooks("2026-05-02").level()).isEqualTo(1);
  }

  @Test
  void aCriterionThatPassesOnItsOwnIsNotMarkedAsExempted() {
    events.add(
        new RunbookPublished(
            "rb2", "t", "rb-b", "api", List.of("b", "c"), false, at("2026-01-08")));
    grant("2026-02-01", "2026-07-01");

    Criterion coverage = criterion(runbooks("2026-04-01"), "runbook.coverage-owned");

    assertThat(coverage.passed()).isTrue();
    assertThat(coverage.passedByExemption()).isFalse();
  }

  @Test
  void theContractNamesExactlyTheRubricsCriteria() {
    List<String> ids = List.copyOf(EVALUATOR.criteria(at("2026-04-01")).keySet());

    assertThat(ids).containsExactlyInAnyOrderElementsOf(RubricCriteria.IDS);
  }
}
