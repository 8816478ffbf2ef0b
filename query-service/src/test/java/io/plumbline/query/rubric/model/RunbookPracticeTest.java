package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import io.plumbline.events.runbook.RunbookReviewed;
import io.plumbline.query.facts.model.TeamFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runbook column of the default rubric, as of the end of 2026-Q3. */
class RunbookPracticeTest {

  private static final Instant T = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant RECENT = T.minus(Duration.ofDays(30));

  private final List<TeamEvent> events = new ArrayList<>();
  private int sequence;

  private PracticeResult evaluate() {
    return new RunbookPractice(RubricDocument.defaultRubric().runbooks())
        .evaluate(new TeamFacts("t", events), Period.asOf(T, Quarter.Calendar.UTC));
  }

  private void service(String id) {
    events.add(
        new ServiceRegistered("reg-" + id, "t", id, id, 1, RECENT.minus(Duration.ofDays(400))));
  }

  private void inventory(String service, String... alerts) {
    events.add(
        new AlertInventoryReported(
            "inv-" + (++sequence),
            "t",
            service,
            List.of(alerts),
            RECENT.minusSeconds(100 - sequence)));
  }

  private void runbook(String id, String service, boolean automated, Instant at, String... alerts) {
    events.add(
        new RunbookPublished(
            "rb-" + id + "-" + at, "t", id, service, List.of(alerts), automated, at));
  }

  @Test
  void noRunbookIsLevel0() {
    service("api");
    inventory("api", "a", "b");

    assertThat(evaluate().level()).isZero();
  }

  @Test
  void aRunbookWithoutAnyAlertInventoryIsLevel1BecauseCoverageIsUndefined() {
    service("api");
    runbook("r1", "api", false, RECENT, "a");

    PracticeResult result = evaluate();

    assertThat(result.level()).isEqualTo(1);
    assertThat(result.criteria().get(1).detail())
        .isEqualTo("No alert inventory reported: coverage is undefined");
  }

  @Test
  void exactlyHalfTheAlertsCoveredIsLevel2() {
    service("api");
    inventory("api", "a", "b", "c", "d");
    runbook("r1", "api", false, RECENT, "a", "b");

    assertThat(evaluate().level()).isEqualTo(2);
  }

  @Test
  void lessThanHalfCoveredIsLevel1() {
    service("api");
    inventory("api", "a", "b", "c");
    runbook("r1", "api", false, RECENT, "a");

    assertThat(evaluate().level()).isEqualTo(1);
  }

  @Test
  void aRunbookOfAnotherServiceDoesNotCoverTheAlert() {
    service("api");
    service("web");
    inventory("api", "a", "b");
    runbook("r1", "web", false, RECENT, "a", "b");

    assertThat(evaluate().level()).isEqualTo(1);
  }

  @Test
  void aNewInventoryReplacesThePreviousOne() {
    service("api");
    inventory("api", "a", "b", "c", "d", "e");
    inventory("api", "a", "b");
    runbook("r1", "api", false, RECENT, "a", "b");

    assertThat(evaluate().level()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void alertsOfARetiredServiceDoNotCount() {
    service("api");
    service("old");
    inventory("api", "a");
    inventory("old", "x", "y", "z");
    events.add(new ServiceRetired("ret-old", "t", "old", RECENT));
    runbook("r1", "api", false, RECENT, "a");

    assertThat(evaluate().level()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void exactly80PercentWithRecentReviewsIsLevel3() {
    service("api");
    inventory("api", "a", "b", "c", "d", "e");
    runbook("r1", "api", false, RECENT, "a", "b", "c", "d");

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void aRunbookLastReviewedMoreThan180DaysAgoHoldsLevel3Back() {
    service("api");
    inventory("api", "a", "b", "c", "d", "e");
    runbook("r1", "api", false, T.minus(Duration.ofDays(181)), "a", "b", "c", "d");

    assertThat(evaluate().level()).isEqualTo(2);
  }

  @Test
  void aReviewBringsAnOldRunbookBackIntoTheWindow() {
    service("api");
    inventory("api", "a", "b", "c", "d", "e");
    runbook("r1", "api", false, T.minus(Duration.ofDays(300)), "a", "b", "c", "d");
    events.add(new RunbookReviewed("rev", "t", "r1", T.minus(Duration.ofDays(180))));

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void aQuarterOfRunbooksAutomatedIsLevel4() {
    service("api");
    inventory("api", "a", "b", "c", "d", "e");
    runbook("r1", "api", true, RECENT, "a");
    runbook("r2", "api", false, RECENT, "b");
    runbook("r3", "api", false, RECENT, "c");
    runbook("r4", "api", false, RECENT, "d");

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void fullCoverageWithReviewsInTheLast90DaysIsLevel5() {
    service("api");
    inventory("api", "a", "b");
    runbook("r1", "api", true, T.minus(Duration.ofDays(90)), "a", "b");

    assertThat(evaluate().level()).isEqualTo(5);
  }

  @Test
  void aReview91DaysAgoHoldsLevel5Back() {
    service("api");
    inventory("api", "a", "b");
    runbook("r1", "api", true, T.minus(Duration.ofDays(91)), "a", "b");

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void aRetiredRunbookCoversNothing() {
    service("api");
    inventory("api", "a", "b");
    runbook("r1", "api", true, RECENT, "a", "b");
    events.add(new RunbookRetired("retire", "t", "r1", RECENT.plusSeconds(1)));

    assertThat(evaluate().level()).isZero();
  }
}
