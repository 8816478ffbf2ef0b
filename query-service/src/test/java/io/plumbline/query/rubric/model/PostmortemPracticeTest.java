package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.postmortem.Severity;
import io.plumbline.query.facts.model.TeamFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The postmortem column of the default rubric, as of the end of 2026-Q3. */
class PostmortemPracticeTest {

  private static final Instant T = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant IN_WINDOW = Instant.parse("2026-06-01T00:00:00Z");

  private final List<TeamEvent> events = new ArrayList<>();
  private int sequence;

  private PracticeResult evaluate() {
    return new PostmortemPractice(RubricDocument.defaultRubric().postmortems())
        .evaluate(new TeamFacts("t", events), Period.asOf(T, Quarter.Calendar.UTC));
  }

  private String incident(Severity severity, Instant resolvedAt) {
    String id = "inc-" + (++sequence);
    events.add(
        new IncidentRecorded(
            "rec-" + id, "t", id, severity, resolvedAt.minusSeconds(3600), resolvedAt, resolvedAt));
    return id;
  }

  private String postmortem(
      String incident, Instant at, boolean blameless, List<ActionItem> items, List<String> teams) {
    String id = "pm-" + incident;
    events.add(
        new PostmortemPublished("pub-" + id, "t", id, incident, blameless, items, teams, at));
    return id;
  }

  private static List<ActionItem> item(String id, Instant due) {
    return List.of(new ActionItem(id, due));
  }

  private void close(String postmortem, String item, Instant at, boolean improvement) {
    events.add(new ActionItemClosed("close-" + item, "t", postmortem, item, improvement, at));
  }

  /** A blameless postmortem with one item closed on time that shipped an improvement. */
  private void healthyPostmortem() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    String pm =
        postmortem(
            inc,
            IN_WINDOW.plusSeconds(60),
            true,
            item("ai-h", IN_WINDOW.plus(Duration.ofDays(10))),
            List.of());
    close(pm, "ai-h", IN_WINDOW.plus(Duration.ofDays(5)), true);
  }

  @Test
  void noPostmortemIsLevel0() {
    incident(Severity.SEV1, IN_WINDOW);

    assertThat(evaluate().level()).isZero();
  }

  @Test
  void aPostmortemThatBlamesIsLevel1() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    postmortem(inc, IN_WINDOW, false, item("ai", T.plusSeconds(1)), List.of());

    assertThat(evaluate().level()).isEqualTo(1);
  }

  @Test
  void aBlamelessPostmortemWithoutActionItemsIsLevel1() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    postmortem(inc, IN_WINDOW, true, List.of(), List.of());

    assertThat(evaluate().level()).isEqualTo(1);
  }

  @Test
  void aPostmortemOlderThan365DaysDoesNotMakeLevel2() {
    Instant old = T.minus(Duration.ofDays(366));
    String inc = incident(Severity.SEV3, old);
    postmortem(inc, old, true, item("ai", old.plus(Duration.ofDays(400))), List.of());

    assertThat(evaluate().level()).isEqualTo(1);
  }

  @Test
  void blamelessPostmortemsWithActionItemsAreLevel2() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    postmortem(inc, IN_WINDOW, true, item("ai", T.plusSeconds(1)), List.of());
    incident(Severity.SEV1, T.minus(Duration.ofDays(20)));

    assertThat(evaluate().level()).isEqualTo(2);
  }

  @Test
  void majorIncidentsFollowedUpWithinFiveDaysAreLevel3() {
    String inc = incident(Severity.SEV1, IN_WINDOW);
    postmortem(
        inc, IN_WINDOW.plus(Duration.ofDays(5)), true, item("ai", T.plusSeconds(1)), List.of());

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void aPostmortemOneSecondLaterThanFiveDaysDoesNotCount() {
    String inc = incident(Severity.SEV2, IN_WINDOW);
    postmortem(
        inc,
        IN_WINDOW.plus(Duration.ofDays(5)).plusSeconds(1),
        true,
        item("ai", T.plusSeconds(1)),
        List.of());

    assertThat(evaluate().level()).isEqualTo(2);
  }

  @Test
  void exactly80PercentOfMajorIncidentsFollowedUpPasses() {
    for (int i = 0; i < 4; i++) {
      String inc = incident(Severity.SEV1, IN_WINDOW);
      postmortem(
          inc, IN_WINDOW.plusSeconds(60), true, item("ai-" + i, T.plusSeconds(1)), List.of());
    }
    incident(Severity.SEV2, IN_WINDOW);

    PracticeResult result = evaluate();

    assertThat(result.level()).isEqualTo(3);
    assertThat(result.criteria().get(2).detail())
        .isEqualTo("4 of 5 major incident(s) followed up in time (80 %)");
  }

  @Test
  void seventyFivePercentOfMajorIncidentsFollowedUpFails() {
    for (int i = 0; i < 3; i++) {
      String inc = incident(Severity.SEV1, IN_WINDOW);
      postmortem(
          inc, IN_WINDOW.plusSeconds(60), true, item("ai-" + i, T.plusSeconds(1)), List.of());
    }
    incident(Severity.SEV2, IN_WINDOW);

    assertThat(evaluate().level()).isEqualTo(2);
  }

  @Test
  void anIncidentResolvedLessThanFiveDaysBeforeTIsNotJudgedYet() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    postmortem(inc, IN_WINDOW, true, item("ai", T.plusSeconds(1)), List.of());
    incident(Severity.SEV1, T.minus(Duration.ofDays(4)));

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void minorIncidentsWithoutPostmortemDoNotHoldLevel3Back() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    postmortem(inc, IN_WINDOW, true, item("ai", T.plusSeconds(1)), List.of());
    incident(Severity.SEV4, IN_WINDOW);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void actionItemsClosedOnTimeWithAnImprovementAreLevel4() {
    healthyPostmortem();

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void anActionItemClosedExactlyAtItsDueInstantIsOnTime() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    Instant due = IN_WINDOW.plus(Duration.ofDays(10));
    String pm = postmortem(inc, IN_WINDOW, true, item("ai", due), List.of());
    close(pm, "ai", due, true);

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void exactly70PercentOnTimePasses() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    Instant due = IN_WINDOW.plus(Duration.ofDays(10));
    List<ActionItem> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(new ActionItem("ai-" + i, due));
    }
    String pm = postmortem(inc, IN_WINDOW, true, items, List.of());
    for (int i = 0; i < 7; i++) {
      close(pm, "ai-" + i, due, i == 0);
    }
    close(pm, "ai-7", due.plusSeconds(1), false);

    assertThat(evaluate().level()).isEqualTo(4);
  }

  @Test
  void sixtyPercentOnTimeFails() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    Instant due = IN_WINDOW.plus(Duration.ofDays(10));
    List<ActionItem> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(new ActionItem("ai-" + i, due));
    }
    String pm = postmortem(inc, IN_WINDOW, true, items, List.of());
    for (int i = 0; i < 6; i++) {
      close(pm, "ai-" + i, due, true);
    }

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void noImprovementShippedHoldsLevel4Back() {
    String inc = incident(Severity.SEV3, IN_WINDOW);
    String pm =
        postmortem(inc, IN_WINDOW, true, item("ai", IN_WINDOW.plus(Duration.ofDays(3))), List.of());
    close(pm, "ai", IN_WINDOW.plus(Duration.ofDays(1)), false);

    assertThat(evaluate().level()).isEqualTo(3);
  }

  @Test
  void leadingAPostmortemWithTwoOtherTeamsIsLevel5() {
    healthyPostmortem();
    String inc = incident(Severity.SEV3, IN_WINDOW);
    postmortem(inc, IN_WINDOW, true, item("ai-x", T.plusSeconds(1)), List.of("payments", "edge"));

    assertThat(evaluate().level()).isEqualTo(5);
  }

  @Test
  void theTeamItselfDoesNotCountAsAnotherTeam() {
    healthyPostmortem();
    String inc = incident(Severity.SEV3, IN_WINDOW);
    postmortem(inc, IN_WINDOW, true, item("ai-x", T.plusSeconds(1)), List.of("t", "edge"));

    assertThat(evaluate().level()).isEqualTo(4);
  }
}
