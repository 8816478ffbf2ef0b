package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.postmortem.Severity;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloReviewed;
import io.plumbline.events.toil.ToilAutomationShipped;
import io.plumbline.events.toil.ToilMeasured;
import io.plumbline.query.facts.model.TeamFacts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The explanation a team reads, criterion by criterion — passed or not, the detail in words and the
 * evidence ids — for one small history per level of each practice of the default rubric, as of the
 * end of 2026-Q3. The expected explanations are the table in {@code
 * src/test/resources/golden/explanations.md}, reviewed by hand against the rubric; a change to an
 * explanation shows there as a diff. Regenerate with {@code -Dplumbline.golden.update=true} and
 * read the diff before committing it.
 */
class GoldenExplanationsTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/explanations.md");
  private static final Instant T = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant Q1 = Instant.parse("2026-02-01T00:00:00Z");
  private static final Instant Q2 = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant Q3 = Instant.parse("2026-08-01T00:00:00Z");
  private static final Rubric RUBRIC = RubricDocument.defaultRubric();

  /** One history, built from named steps, and the level it should reach. */
  private record Case(
      Practice practice, int level, String history, Consumer<List<TeamEvent>> events) {}

  private static List<Case> cases() {
    return List.of(
        new Case(Practice.SLOS, 0, "services, no SLO", e -> services(e)),
        new Case(
            Practice.SLOS,
            1,
            "an SLO on the tier-1 service",
            e -> {
              services(e);
              e.add(slo("avail-1", "avail", "api", false, false, Q2));
            }),
        new Case(
            Practice.SLOS,
            2,
            "… with an error-budget policy",
            e -> {
              services(e);
              e.add(slo("avail-1", "avail", "api", true, false, Q2));
            }),
        new Case(
            Practice.SLOS,
            3,
            "… and burn-rate alerts",
            e -> {
              services(e);
              e.add(slo("avail-1", "avail", "api", true, true, Q2));
            }),
        new Case(
            Practice.SLOS,
            4,
            "… reviewed this quarter",
            e -> {
              services(e);
              e.add(slo("avail-1", "avail", "api", true, true, Q2));
              e.add(new SloReviewed("rev-avail", "t", "avail", Q3));
            }),
        new Case(
            Practice.SLOS,
            5,
            "… and the tier-2 service's SLO too, both reviewed",
            e -> {
              services(e);
              e.add(slo("avail-1", "avail", "api", true, true, Q2));
              e.add(slo("latency-1", "latency", "web", true, true, Q2));
              e.add(new SloReviewed("rev-avail", "t", "avail", Q3));
              e.add(new SloReviewed("rev-latency", "t", "latency", Q3));
            }),
        new Case(
            Practice.POSTMORTEMS,
            0,
            "an incident, no postmortem",
            e -> {
              e.add(incident("inc-1", Severity.SEV3, Q2));
            }),
        new Case(
            Practice.POSTMORTEMS,
            1,
            "a postmortem that blames",
            e -> {
              e.add(incident("inc-1", Severity.SEV3, Q2));
              e.add(postmortem("pm-1", "inc-1", false, List.of(), List.of(), Q2.plus(days(1))));
            }),
        new Case(
            Practice.POSTMORTEMS,
            2,
            "blameless with an action item; a SEV1 followed up late",
            e -> {
              e.add(incident("inc-1", Severity.SEV1, Q2));
              e.add(
                  postmortem(
                      "pm-1",
                      "inc-1",
                      true,
                      items("ai-1", T.plus(days(30))),
                      List.of(),
                      Q2.plus(days(10))));
            }),
        new Case(
            Practice.POSTMORTEMS,
            3,
            "the SEV1 followed up within 5 days; an item overdue",
            e -> {
              e.add(incident("inc-1", Severity.SEV1, Q2));
              e.add(
                  postmortem(
                      "pm-1", "inc-1", true, items("ai-1", Q3), List.of(), Q2.plus(days(2))));
            }),
        new Case(
            Practice.POSTMORTEMS,
            4,
            "the item closed on time, shipping an improvement",
            e -> {
              e.add(incident("inc-1", Severity.SEV1, Q2));
              e.add(
                  postmortem(
                      "pm-1", "inc-1", true, items("ai-1", Q3), List.of(), Q2.plus(days(2))));
              e.add(new ActionItemClosed("close-1", "t", "pm-1", "ai-1", true, Q3.minus(days(5))));
            }),
        new Case(
            Practice.POSTMORTEMS,
            5,
            "… and it involved two other teams",
            e -> {
              e.add(incident("inc-1", Severity.SEV1, Q2));
              e.add(
                  postmortem(
                      "pm-1",
                      "inc-1",
                      true,
                      items("ai-1", Q3),
                      List.of("edge", "payments"),
                      Q2.plus(days(2))));
              e.add(new ActionItemClosed("close-1", "t", "pm-1", "ai-1", true, Q3.minus(days(5))));
            }),
        new Case(
            Practice.RUNBOOKS,
            0,
            "alerts, no runbook",
            e -> {
              services(e);
              e.add(inventory(List.of("A", "B", "C", "D", "E"), Q2));
            }),
        new Case(
            Practice.RUNBOOKS,
            1,
            "a runbook for one alert of five",
            e -> {
              services(e);
              e.add(inventory(List.of("A", "B", "C", "D", "E"), Q2));
              e.add(runbook("rb-1", List.of("A"), false, Q3));
            }),
        new Case(
            Practice.RUNBOOKS,
            2,
            "… for three of five",
            e -> {
              services(e);
              e.add(inventory(List.of("A", "B", "C", "D", "E"), Q2));
              e.add(runbook("rb-1", List.of("A", "B", "C"), false, Q3));
            }),
        new Case(
            Practice.RUNBOOKS,
            3,
            "… for four of five, reviewed recently",
            e -> {
              services(e);
              e.add(inventory(List.of("A", "B", "C", "D", "E"), Q2));
              e.add(runbook("rb-1", List.of("A", "B", "C", "D"), false, Q3));
            }),
        new Case(
            Practice.RUNBOOKS,
            4,
            "… and an automated runbook",
            e -> {
              services(e);
              e.add(inventory(List.of("A", "B", "C", "D", "E"), Q2));
              e.add(runbook("rb-1", List.of("A", "B", "C", "D"), false, Q3));
              e.add(runbook("rb-2", List.of("D"), true, Q3));
            }),
        new Case(
            Practice.RUNBOOKS,
            5,
            "… covering every alert",
            e -> {
              services(e);
              e.add(inventory(List.of("A", "B", "C", "D", "E"), Q2));
              e.add(runbook("rb-1", List.of("A", "B", "C", "D"), false, Q3));
              e.add(runbook("rb-2", List.of("E"), true, Q3));
            }),
        new Case(
            Practice.TOIL,
            0,
            "an automation, no measurement",
            e -> {
              e.add(automation("auto-1", Q3));
            }),
        new Case(
            Practice.TOIL,
            1,
            "measured last winter only",
            e -> {
              e.add(toil("toil-q1", "60", Q1));
            }),
        new Case(
            Practice.TOIL,
            2,
            "50 % this quarter",
            e -> {
              e.add(toil("toil-q3", "50", Q3));
            }),
        new Case(
            Practice.TOIL,
            3,
            "… and an automation shipped",
            e -> {
              e.add(toil("toil-q3", "50", Q3));
              e.add(automation("auto-1", Q3));
            }),
        new Case(
            Practice.TOIL,
            4,
            "25 % this quarter, down from 40 %",
            e -> {
              e.add(toil("toil-q2", "40", Q2));
              e.add(toil("toil-q3", "25", Q3));
              e.add(automation("auto-1", Q3));
            }),
        new Case(
            Practice.TOIL,
            5,
            "10 % this quarter, 15 % the one before",
            e -> {
              e.add(toil("toil-q2", "15", Q2));
              e.add(toil("toil-q3", "10", Q3));
              e.add(automation("auto-1", Q3));
            }));
  }

  @Test
  void everyLevelOfEveryPracticeExplainsItselfAsTheGoldenTableSays() throws IOException {
    StringBuilder table = new StringBuilder();
    table.append("# Golden explanations of the default rubric, as of ").append(T).append("\n\n");
    table.append("One history per level of each practice (generated by GoldenExplanationsTest,\n");
    table.append("reviewed by hand): every criterion, passed or not, its detail and evidence.\n");
    List<String> wrongLevels = new ArrayList<>();
    for (Case c : cases()) {
      List<TeamEvent> events = new ArrayList<>();
      c.events().accept(events);
      PracticeResult result = evaluate(c.practice(), events);
      if (result.level() != c.level()) {
        wrongLevels.add("%s %d reached %d".formatted(c.practice(), c.level(), result.level()));
      }
      table
          .append("\n## ")
          .append(c.practice().name().toLowerCase(java.util.Locale.ROOT))
          .append(" level ")
          .append(result.level())
          .append(" — ")
          .append(c.history())
          .append(
              "\n\n| level | criterion | passed | detail | evidence |\n|---|---|---|---|---|\n");
      for (Criterion criterion : result.criteria()) {
        table.append(
            "| %d | %s | %s | %s | %s |\n"
                .formatted(
                    criterion.level(),
                    criterion.id(),
                    criterion.passed() ? "yes" : "no",
                    criterion.detail(),
                    String.join(", ", criterion.evidence())));
      }
    }
    if (Boolean.getBoolean("plumbline.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, table.toString());
    }
    assertThat(wrongLevels).as("each history reaches the level it is written for").isEmpty();
    assertThat(table.toString())
        .as("the explanations; regenerate with -Dplumbline.golden.update=true and review the diff")
        .isEqualTo(Files.readString(GOLDEN));
  }

  private static PracticeResult evaluate(Practice practice, List<TeamEvent> events) {
    TeamFacts facts = new TeamFacts("t", events);
    Period period = Period.asOf(T, Quarter.Calendar.UTC);
    return switch (practice) {
      case SLOS -> new SloPractice(RUBRIC.slos()).evaluate(facts, period);
      case POSTMORTEMS -> new PostmortemPractice(RUBRIC.postmortems()).evaluate(facts, period);
      case RUNBOOKS -> new RunbookPractice(RUBRIC.runbooks()).evaluate(facts, period);
      case TOIL -> new ToilPractice(RUBRIC.toil()).evaluate(facts, period);
    };
  }

  // ---- the steps histories are made of ------------------------------------------------------

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }

  /** A tier-1 service {@code api} and a tier-2 service {@code web}. */
  private static void services(List<TeamEvent> events) {
    events.add(new ServiceRegistered("svc-api", "t", "api", "API", 1, Q1));
    events.add(new ServiceRegistered("svc-web", "t", "web", "Web", 2, Q1));
  }

  private static SloDefined slo(
      String eventId, String slo, String service, boolean policy, boolean burnRate, Instant at) {
    return new SloDefined(
        eventId,
        "t",
        slo,
        service,
        SliKind.AVAILABILITY,
        new BigDecimal("99.9"),
        30,
        policy,
        burnRate,
        at);
  }

  private static IncidentRecorded incident(String id, Severity severity, Instant resolved) {
    return new IncidentRecorded(
        "rec-" + id, "t", id, severity, resolved.minus(Duration.ofHours(2)), resolved, resolved);
  }

  private static List<ActionItem> items(String id, Instant due) {
    return List.of(new ActionItem(id, due));
  }

  private static PostmortemPublished postmortem(
      String id,
      String incident,
      boolean blameless,
      List<ActionItem> items,
      List<String> involved,
      Instant at) {
    return new PostmortemPublished(id, "t", id, incident, blameless, items, involved, at);
  }

  private static AlertInventoryReported inventory(List<String> alerts, Instant at) {
    return new AlertInventoryReported("inv", "t", "api", alerts, at);
  }

  private static RunbookPublished runbook(
      String id, List<String> alerts, boolean automated, Instant at) {
    return new RunbookPublished(id, "t", id, "api", alerts, automated, at);
  }

  private static ToilMeasured toil(String id, String toil, Instant at) {
    return new ToilMeasured(
        id, "t", at.minus(days(30)), at, new BigDecimal(toil), new BigDecimal("100"), at);
  }

  private static ToilAutomationShipped automation(String id, Instant at) {
    return new ToilAutomationShipped(id, "t", id, "rotation", new BigDecimal("2"), at);
  }
}
