package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.ServiceTierChanged;
import io.plumbline.events.slo.BudgetAction;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import io.plumbline.query.facts.model.TeamFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every cell of the SLO column of the rubric, evaluated as of the end of 2026-Q3. */
class SloPracticeTest {

  private static final Instant T = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant IN_Q3 = Instant.parse("2026-08-01T00:00:00Z");
  private static final Instant IN_Q2 = Instant.parse("2026-05-01T00:00:00Z");

  private final List<TeamEvent> events = new ArrayList<>();

  private PracticeResult evaluate() {
    return new SloPractice(RubricDocument.defaultRubric().slos())
        .evaluate(new TeamFacts("t", events), Period.asOf(T, Quarter.Calendar.UTC));
  }

  private void service(String id, int tier) {
    events.add(new ServiceRegistered("reg-" + id, "t", id, id, tier, IN_Q2));
  }

  private void slo(String id, String service, boolean policy, boolean burnRate, Instant at) {
    events.add(
        new SloDefined(
            "def-" + id + "-" + at,
            "t",
            id,
            service,
            SliKind.AVAILABILITY,
            new BigDecimal("99.9"),
            30,
            policy,
            burnRate,
            at));
  }

  private void review(String slo, Instant at) {
    events.add(new SloReviewed("rev-" + slo + "-" + at, "t", slo, at));
  }

  @Test
  void noEvidenceIsLevel0() {
    assertThat(evaluate().level()).isZero();
  }

  @Test
  void anActiveSloIsLevel1() {
    service("api", 2);
    slo("avail", "api", false, false, IN_Q2);

    PracticeResult result = evaluate();

    assertThat(result.level()).isEqualTo(1);
    assertThat(result.criteria().get(0).evidence()).containsExactly("def-avail-" + IN_Q2);
  }

  @Test
  void anSloDefinedAtTDoesNotCountYet() {
    service("api", 2);
    slo("avail", "api", true, false, T);

    assertThat(evaluate().level()).isZero();
  }

  @Test
  void aRetiredSloIsNoLongerActive() {
    service("api", 2);
    slo("avail", "api", true, false, IN_Q2);
    events.add(new SloRetired("ret", "t", "avail", IN_Q3));

    assertThat(evaluate().level()).isZero();
  }

  @Test
  void anErrorBudgetPolicyIsLevel2() {
    service("api", 1);
    slo("avail", "api", true, false, IN_Q2);

    PracticeResult result = evaluate();

    assertThat(result.level()).isEqualTo(2);
    assertThat(result.name()).isEqualTo(LevelName.OWNED);
  }

  @Test
  void theLatestDefinitionCounts() {
    service("api", 1);
    slo("avail", "api", true, false, IN_Q2);
    slo("avail", "api", false, false, IN_Q3);

    assertThat(evaluate().level()).isEqualTo(1);
  }

  @Test
  void burnRateAlertsOnEveryTier1ServiceIsLevel3() {
    service("api", 1);
    service("batch", 3);
    slo("avail", "api", true, true, IN_Q2);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void aTier1ServiceWithoutBurnRateAlertsHoldsLevel3Back() {
    service("api", 1);
    service("web", 1);
    slo("avail", "api", true, true, IN_Q2);
    slo("web-avail", "web", true, false, IN_Q2);

    PracticeResult result = evaluate();

    assertThat(result.level()).isEqualTo(2);
    Criterion unmet =
        result.criteria().stream()
            .filter(c -> c.id().equals("slo.critical-services-alerted"))
            .findFirst()
            .orElseThrow();
    assertThat(unmet.passed()).isFalse();
    assertThat(unmet.detail()).isEqualTo("Not covered: web");
    assertThat(unmet.evidence()).containsExactly("reg-web");
  }

  @Test
  void aServiceDemotedFromTier1NoLongerNeedsBurnRateAlerts() {
    service("api", 1);
    service("web", 1);
    events.add(new ServiceTierChanged("tier", "t", "web", 3, IN_Q3));
    slo("avail", "api", true, true, IN_Q2);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void burnRateAlertsWithoutAnyTier1ServicePassLevel3() {
    service("api", 2);
    slo("avail", "api", true, true, IN_Q2);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void aReviewThisQuarterIsLevel4() {
    service("api", 1);
    service("web", 2);
    slo("avail", "api", true, true, IN_Q2);
    review("avail", IN_Q3);

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void aPolicyInvocationThisQuarterIsLevel4() {
    service("api", 1);
    slo("avail", "api", true, true, IN_Q2);
    events.add(
        new ErrorBudgetPolicyInvoked("inv", "t", "avail", BudgetAction.RELEASE_FREEZE, IN_Q3));

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void aReviewLastQuarterDoesNotCountForLevel4() {
    service("api", 1);
    slo("avail", "api", true, true, IN_Q2);
    review("avail", IN_Q2);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void aReviewAtTheFirstInstantOfTheQuarterCounts() {
    service("api", 1);
    slo("avail", "api", true, true, IN_Q2);
    review("avail", Instant.parse("2026-07-01T00:00:00Z"));

    assertThat(evaluate().level()).isEqualTo(5);
  }

  @Test
  void everyTier1And2ServiceCoveredAndEverySloReviewedIsLevel5() {
    service("api", 1);
    service("web", 2);
    service("batch", 3);
    slo("avail", "api", true, true, IN_Q2);
    slo("web-latency", "web", false, false, IN_Q2);
    review("avail", IN_Q3);
    review("web-latency", IN_Q3);

    assertThat(evaluate().level()).isEqualTo(5);
  }

  @Test
  void anUnreviewedSloHoldsLevel5Back() {
    service("api", 1);
    service("web", 2);
    slo("avail", "api", true, true, IN_Q2);
    slo("web-latency", "web", false, false, IN_Q2);
    review("avail", IN_Q3);

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void aTier2ServiceWithoutAnSloHoldsLevel5Back() {
    service("api", 1);
    service("web", 2);
    slo("avail", "api", true, true, IN_Q2);
    review("avail", IN_Q3);

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void aRetiredServiceNeedsNoSlo() {
    service("api", 1);
    service("web", 2);
    events.add(new ServiceRetired("gone", "t", "web", IN_Q3));
    slo("avail", "api", true, true, IN_Q2);
    review("avail", IN_Q3);

    assertThat(evaluate().level()).isEqualTo(5);
  }

  @Test
  void levelsAreNotSkipped() {
    service("api", 1);
    slo("avail", "api", false, true, IN_Q2);
    review("avail", IN_Q3);

    assertThat(evaluate().level()).isEqualTo(1);
  }
}
