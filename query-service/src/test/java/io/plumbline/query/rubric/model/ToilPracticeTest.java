package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.toil.ToilAutomationShipped;
import io.plumbline.events.toil.ToilMeasured;
import io.plumbline.query.facts.model.TeamFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toil column of the default rubric, as of the end of 2026-Q3. */
class ToilPracticeTest {

  private static final Instant T = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant Q3 = Instant.parse("2026-08-01T00:00:00Z");
  private static final Instant Q2 = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant Q1 = Instant.parse("2026-02-01T00:00:00Z");

  private final List<TeamEvent> events = new ArrayList<>();
  private int sequence;

  private PracticeResult evaluate() {
    return new ToilPractice(RubricDocument.defaultRubric().toil())
        .evaluate(new TeamFacts("t", events), Period.asOf(T, Quarter.Calendar.UTC));
  }

  private void measure(Instant at, String toil, String ops) {
    events.add(
        new ToilMeasured(
            "m-" + (++sequence),
            "t",
            at.minusSeconds(86400 * 30),
            at,
            new BigDecimal(toil),
            new BigDecimal(ops),
            at));
  }

  private void automate(Instant at) {
    events.add(
        new ToilAutomationShipped(
            "auto-" + (++sequence), "t", "a" + sequence, "rotation", new BigDecimal("2"), at));
  }

  @Test
  void aReMeasurementOfTheSamePeriodSupersedesTheFirstAndTheExplanationSaysSo() {
    measure(Q3, "60", "100"); // m-1: 60 %, over the 50 % cap
    events.add(
        new ToilMeasured(
            "m-rerun",
            "t",
            Q3.minusSeconds(86400 * 30),
            Q3,
            new BigDecimal("40"),
            new BigDecimal("100"),
            Q3.plusSeconds(3600)));

    PracticeResult result = evaluate();

    Criterion measured = criterion(result, "toil.measured");
    assertThat(measured.detail()).isEqualTo("1 measurement(s), superseded by re-measurements: m-1");
    assertThat(measured.evidence()).containsExactly("m-rerun");
    Criterion capped = criterion(result, "toil.capped");
    assertThat(capped.passed()).isTrue();
    assertThat(capped.detail()).isEqualTo("toil share 40 %");
    assertThat(capped.evidence()).containsExactly("m-rerun");
  }

  private static Criterion criterion(PracticeResult result, String id) {
    return result.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void noMeasurementIsLevel0() {
    automate(Q3);

    assertThat(evaluate().level()).isZero();
  }

  @Test
  void aMeasurementInAnEarlierQuarterOnlyIsLevel1() {
    measure(Q1, "10", "100");

    assertThat(evaluate().level()).isEqualTo(1);
  }

  @Test
  void toilOfExactly50PercentThisQuarterIsLevel2() {
    measure(Q3, "50", "100");

    assertThat(evaluate().level()).isEqualTo(2);
  }

  @Test
  void toilAbove50PercentIsLevel1() {
    measure(Q3, "50.01", "100");

    assertThat(evaluate().level()).isEqualTo(1);
  }

  @Test
  void aQuartersShareIsTheSumOfItsToilOverTheSumOfItsOpsHours() {
    measure(Q3, "90", "100");
    measure(Q3.plusSeconds(60), "10", "100");

    assertThat(evaluate().level()).isEqualTo(2);
  }

  @Test
  void anAutomationThisQuarterIsLevel3() {
    measure(Q3, "40", "100");
    automate(Q3);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void anAutomationLastQuarterDoesNotCount() {
    measure(Q3, "40", "100");
    automate(Q2);

    assertThat(evaluate().level()).isEqualTo(2);
  }

  @Test
  void toilAtMost30PercentAndFallingIsLevel4() {
    measure(Q2, "40", "100");
    measure(Q3, "30", "100");
    automate(Q3);

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void toilThatDidNotFallHoldsLevel4Back() {
    measure(Q2, "30", "100");
    measure(Q3, "30", "100");
    automate(Q3);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void noMeasurementLastQuarterHoldsLevel4Back() {
    measure(Q3, "10", "100");
    automate(Q3);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void toilAtMost20PercentTwoQuartersRunningIsLevel5() {
    measure(Q2, "20.5", "100");
    measure(Q3, "20", "100");
    automate(Q3);

    assertThat(evaluate().level()).isEqualTo(4);

    events.clear();
    measure(Q2, "20", "100");
    measure(Q3, "19", "100");
    automate(Q3);

    assertThat(evaluate().level()).isEqualTo(5);
  }
}
