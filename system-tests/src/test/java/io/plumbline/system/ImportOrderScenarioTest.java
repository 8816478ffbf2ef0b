package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.local.EventCounts;
import io.plumbline.local.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same small org's three-year history imported twice: org {@code a} in time order, org {@code
 * b} as an export delivers it — retirements before the earlier-dated facts they end, a quarter of
 * the facts arriving late, every event sent twice, a re-measured month. Admission by the date a
 * fact occurred makes both give identical levels, explanations and rollups, and nothing is
 * restated. Then leadership publishes a quarter and one late postmortem restates exactly it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportOrderScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TEAMS = 6;

  /** The ids of org b, to be read as org a's when comparing the two. */
  private static final Pattern ORG_B = Pattern.compile("(?<![A-Za-z0-9])b-");

  @TempDir static Path dataDir;
  private static LocalStack stack;
  private static PlumblineClient client;

  @BeforeAll
  static void start() {
    stack = LocalStack.start(TestStacks.config(dataDir));
    client = new PlumblineClient(stack);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void anOrgImportedInTimeOrderAndOneImportedAsAnExportDeliversItReadTheSame() {
    List<ObjectNode> a = History.of("a");
    List<ObjectNode> b = History.of("b");
    assertThat(outcomes(a)).containsOnly("ACCEPTED");
    List<ObjectNode> delivered = History.asExported(b, new Random(7));
    List<String> outcomes = outcomes(delivered);
    assertThat(outcomes.subList(0, b.size())).containsOnly("ACCEPTED");
    assertThat(outcomes.subList(b.size(), delivered.size())).containsOnly("DUPLICATE");
    awaitSettled(a.size() + b.size());

    for (int t = 0; t < TEAMS; t++) {
      for (String quarter : quarters()) {
        String path = "/api/v1/teams/%s-t" + t + "/maturity?quarter=" + quarter;
        assertThat(asOrgA(withoutMoments(read(path.formatted("b")))))
            .as(path.formatted("a|b"))
            .isEqualTo(withoutMoments(read(path.formatted("a"))).toString());
        String why = "/api/v1/teams/%s-t" + t + "/maturity/explanation?quarter=" + quarter;
        assertThat(asOrgA(withoutMoments(read(why.formatted("b")))))
            .as(why.formatted("a|b"))
            .isEqualTo(withoutMoments(read(why.formatted("a"))).toString());
      }
    }
    for (String group : List.of("org", "eng", "ops")) {
      for (String quarter : quarters()) {
        String path = "/api/v1/groups/%s-" + group + "/rollup?quarter=" + quarter;
        JsonNode rollupA = withoutMoments(read(path.formatted("a")));
        assertThat(asOrgA(withoutMoments(read(path.formatted("b")))))
            .as(path.formatted("a|b"))
            .isEqualTo(rollupA.toString());
        assertThat(rollupA.path("restatements")).as(path).isEmpty();
      }
    }
  }

  @Test
  @Order(2)
  void publishingAQuarterAndOneLatePostmortemRestateExactlyThatQuarterOfThatTeam() {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(client.send("POST", "/api/v1/quarters/2025-Q4/publish", "").status())
                    .isIn(200, 201));
    JsonNode before = read("/api/v1/teams/a-t1/maturity?quarter=2025-Q4");
    assertThat(before.at("/practices/postmortems/level").asInt()).isZero();

    // the postmortem of a-t1's only incident, written in time but imported after the review
    PlumblineClient.Answer late =
        client.submit(
            History.event(
                    "PostmortemPublished",
                    "a-t1-late-pm",
                    "2025-11-24T10:00:00Z",
                    Map.of(
                        "teamId",
                        "a-t1",
                        "postmortemId",
                        "pm-late",
                        "incidentId",
                        "inc-late",
                        "blameless",
                        true,
                        "actionItems",
                        List.of(Map.of("actionItemId", "ai-late", "dueAt", "2026-01-15T00:00:00Z")),
                        "involvedTeamIds",
                        List.of()))
                .toString());
    assertThat(late.status()).as(late.body().toString()).isEqualTo(202);

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(read("/api/v1/groups/a-org/rollup?quarter=2025-Q4").path("restatements"))
                    .hasSize(1));
    JsonNode restatement =
        read("/api/v1/groups/a-org/rollup?quarter=2025-Q4").at("/restatements/0");
    assertThat(restatement.path("teamId").asText()).isEqualTo("a-t1");
    assertThat(restatement.path("eventIds").toString()).isEqualTo("[\"a-t1-late-pm\"]");
    assertThat(restatement.at("/before/levels/postmortems").asInt()).isZero();
    assertThat(restatement.at("/after/levels/postmortems").asInt()).isPositive();
    JsonNode diff = read("/api/v1/quarters/2025-Q4/published/diff");
    assertThat(diff.path("teams")).hasSize(1);
    assertThat(diff.at("/teams/0/teamId").asText()).isEqualTo("a-t1");
    // the next quarter changed too, but nobody saw it published; org b did not change at all
    assertThat(read("/api/v1/groups/a-org/rollup?quarter=2026-Q1").path("restatements")).isEmpty();
    assertThat(read("/api/v1/groups/b-org/rollup?quarter=2025-Q4").path("restatements")).isEmpty();
  }

  // ---- the history ----------------------------------------------------------------------

  /**
   * Three years of a six-team org in two groups under one, generated from a fixed seed: services,
   * SLOs with reviews, incidents with postmortems and action items, alert inventories and runbooks,
   * monthly toil (one month re-measured), a reorg and retirements of a team, a service, an SLO and
   * a runbook. Every fact lies within the life of what it is about.
   */
  static final class History {

    private final String org;
    private final Random random = new Random(42);
    private final List<ObjectNode> events = new ArrayList<>();

    private History(String org) {
      this.org = org;
    }

    static List<ObjectNode> of(String org) {
      History history = new History(org);
      history.generate();
      history.events.sort(Comparator.comparing(e -> e.path("occurredAt").asText()));
      return history.events;
    }

    /**
     * As an export delivers a history: groups first, then each thing as it begins, with its end (a
     * retirement) right after — before the facts dated within its life; a quarter of the other
     * facts later, in any order; then every event once more.
     */
    static List<ObjectNode> asExported(List<ObjectNode> history, Random random) {
      Set<String> beginners =
          Set.of(
              "GroupDefined",
              "TeamRegistered",
              "ServiceRegistered",
              "IncidentRecorded",
              "PostmortemPublished");
      Set<String> firstBegins = Set.of("SloDefined", "RunbookPublished");
      Set<String> ends = Set.of("TeamRetired", "ServiceRetired", "SloRetired", "RunbookRetired");
      Set<String> begun = new HashSet<>();
      List<ObjectNode> delivered = new ArrayList<>();
      List<ObjectNode> late = new ArrayList<>();
      for (ObjectNode event : history) {
        String type = event.path("type").asText();
        boolean begins =
            beginners.contains(type) || (firstBegins.contains(type) && begun.add(thing(event)));
        if (ends.contains(type)) {
          continue; // delivered with what it ends, below
        }
        if (!begins && random.nextInt(4) == 0) {
          late.add(event);
          continue;
        }
        delivered.add(event);
        if (begins) {
          history.stream()
              .filter(e -> ends.contains(e.path("type").asText()))
              .filter(e -> thing(e).equals(thing(event)))
              .forEach(delivered::add);
        }
      }
      Collections.shuffle(late, random);
      delivered.addAll(late);
      List<ObjectNode> again = new ArrayList<>(history);
      Collections.shuffle(again, random);
      delivered.addAll(again);
      return delivered;
    }

    /** What an event begins, ends or is about, for the things that end. */
    private static String thing(ObjectNode event) {
      String team = event.path("teamId").asText();
      return switch (event.path("type").asText()) {
        case "TeamRegistered", "TeamRetired" -> "team:" + team;
        case "ServiceRegistered", "ServiceRetired" ->
            "service:" + team + "/" + event.path("serviceId").asText();
        case "SloDefined", "SloRetired" -> "slo:" + team + "/" + event.path("sloId").asText();
        case "RunbookPublished", "RunbookRetired" ->
            "runbook:" + team + "/" + event.path("runbookId").asText();
        default -> event.path("eventId").asText();
      };
    }

    private void generate() {
      add(
          "GroupDefined",
          "g-org",
          "2023-10-01T00:00:00Z",
          Map.of("groupId", id("org"), "name", "Org"));
      for (String group : List.of("eng", "ops")) {
        add(
            "GroupDefined",
            "g-" + group,
            "2023-10-01T00:00:00Z",
            Map.of("groupId", id(group), "name", group, "parentGroupId", id("org")));
      }
      for (int t = 0; t < TEAMS; t++) {
        team(t);
      }
    }

    private void team(int t) {
      String team = id("t" + t);
      Instant end = Instant.parse(t == 5 ? "2025-09-30T00:00:00Z" : "2026-10-31T00:00:00Z");
      add(
          "TeamRegistered",
          "t" + t,
          "2023-11-01T00:00:00Z",
          Map.of("teamId", team, "name", "Team " + t, "groupId", id(t % 2 == 0 ? "eng" : "ops")));
      for (int s = 1; s <= 2; s++) {
        add(
            "ServiceRegistered",
            "t" + t + "-svc" + s,
            "2023-11-02T00:00:00Z",
            Map.of("teamId", team, "serviceId", "svc" + s, "name", "Service " + s, "tier", s));
      }
      slo(team, t, "slo1", "svc1", "2023-12-01T00:00:00Z", true);
      slo(team, t, "slo2", "svc2", "2024-01-15T00:00:00Z", false);
      add(
          "AlertInventoryReported",
          "t" + t + "-inv",
          "2023-12-05T00:00:00Z",
          Map.of("teamId", team, "serviceId", "svc1", "alertNames", List.of("A", "B", "C", "D")));
      runbook(team, t, "rb1", List.of("A", "B"), "2023-12-10T00:00:00Z", random.nextBoolean());
      runbook(team, t, "rb2", List.of("C"), "2024-04-01T00:00:00Z", false);
      Instant day = Instant.parse("2024-01-01T00:00:00Z");
      int n = 0;
      while (day.plus(Duration.ofDays(32)).isBefore(end)) {
        n++;
        String at = day.plus(Duration.ofDays(random.nextInt(25))).toString();
        if (random.nextInt(3) > 0) {
          add("SloReviewed", "t" + t + "-rev" + n, at, Map.of("teamId", team, "sloId", "slo1"));
        }
        if (random.nextInt(4) == 0) {
          add(
              "ErrorBudgetPolicyInvoked",
              "t" + t + "-ebp" + n,
              at,
              Map.of("teamId", team, "sloId", "slo1", "action", "RELIABILITY_SPRINT"));
        }
        if (random.nextInt(3) == 0) {
          add(
              "RunbookReviewed",
              "t" + t + "-rbr" + n,
              at,
              Map.of("teamId", team, "runbookId", "rb1"));
        }
        if (t != 1 && random.nextInt(2) == 0) {
          incident(team, t, n, Instant.parse(at), end);
        }
        toil(team, t, n, day);
        if (random.nextInt(5) == 0) {
          add(
              "ToilAutomationShipped",
              "t" + t + "-auto" + n,
              at,
              Map.of(
                  "teamId",
                  team,
                  "automationId",
                  "auto" + n,
                  "description",
                  "Automation " + n,
                  "hoursSavedPerWeek",
                  2));
        }
        day = day.plus(Duration.ofDays(30));
      }
      if (t == 1) {
        // its only incident; the postmortem arrives in the second test, after the review
        add(
            "IncidentRecorded",
            "t1-inc-late",
            "2025-11-20T12:00:00Z",
            Map.of(
                "teamId", team,
                "incidentId", "inc-late",
                "severity", "SEV2",
                "startedAt", "2025-11-20T10:00:00Z",
                "resolvedAt", "2025-11-20T12:00:00Z"));
      }
      if (t == 2) {
        add(
            "TeamMoved",
            "t2-move",
            "2025-03-01T00:00:00Z",
            Map.of("teamId", team, "toGroupId", id("ops")));
      }
      if (t == 3) {
        add(
            "SloRetired",
            "t3-slo2-ret",
            "2025-05-01T00:00:00Z",
            Map.of("teamId", team, "sloId", "slo2"));
        add(
            "RunbookRetired",
            "t3-rb2-ret",
            "2025-06-01T00:00:00Z",
            Map.of("teamId", team, "runbookId", "rb2"));
      }
      if (t == 4) {
        add(
            "ServiceRetired",
            "t4-svc2-ret",
            "2025-07-01T00:00:00Z",
            Map.of("teamId", team, "serviceId", "svc2"));
      }
      if (t == 5) {
        add("TeamRetired", "t5-ret", end.toString(), Map.of("teamId", team));
      }
    }

    private void slo(String team, int t, String slo, String service, String at, boolean policy) {
      add(
          "SloDefined",
          "t" + t + "-" + slo,
          at,
          Map.of(
              "teamId",
              team,
              "sloId",
              slo,
              "serviceId",
              service,
              "sliKind",
              "AVAILABILITY",
              "objectivePercent",
              99.9,
              "windowDays",
              30,
              "errorBudgetPolicy",
              policy,
              "burnRateAlerts",
              true));
    }

    private void runbook(
        String team, int t, String runbook, List<String> alerts, String at, boolean automated) {
      add(
          "RunbookPublished",
          "t" + t + "-" + runbook,
          at,
          Map.of(
              "teamId", team,
              "runbookId", runbook,
              "serviceId", "svc1",
              "coveredAlerts", alerts,
              "automated", automated));
    }

    private void incident(String team, int t, int n, Instant resolved, Instant end) {
      String incident = "inc" + n;
      add(
          "IncidentRecorded",
          "t" + t + "-" + incident,
          resolved.toString(),
          Map.of(
              "teamId",
              team,
              "incidentId",
              incident,
              "severity",
              random.nextBoolean() ? "SEV1" : "SEV3",
              "startedAt",
              resolved.minus(Duration.ofHours(2)).toString(),
              "resolvedAt",
              resolved.toString()));
      Instant published = resolved.plus(Duration.ofDays(1 + random.nextInt(6)));
      Instant closed = published.plus(Duration.ofDays(5 + random.nextInt(40)));
      if (closed.isAfter(end)) {
        return;
      }
      add(
          "PostmortemPublished",
          "t" + t + "-pm" + n,
          published.toString(),
          Map.of(
              "teamId",
              team,
              "postmortemId",
              "pm" + n,
              "incidentId",
              incident,
              "blameless",
              random.nextInt(5) > 0,
              "actionItems",
              List.of(
                  Map.of(
                      "actionItemId",
                      "ai" + n,
                      "dueAt",
                      published.plus(Duration.ofDays(30)).toString())),
              "involvedTeamIds",
              List.of()));
      add(
          "ActionItemClosed",
          "t" + t + "-close" + n,
          closed.toString(),
          Map.of(
              "teamId",
              team,
              "postmortemId",
              "pm" + n,
              "actionItemId",
              "ai" + n,
              "shippedImprovement",
              random.nextBoolean()));
    }

    private void toil(String team, int t, int n, Instant monthStart) {
      Instant periodEnd = monthStart.plus(Duration.ofDays(30));
      Map<String, Object> period =
          Map.of(
              "teamId",
              team,
              "periodStart",
              monthStart.toString(),
              "periodEnd",
              periodEnd.toString(),
              "toilHours",
              10 + random.nextInt(50),
              "opsHours",
              100);
      add(
          "ToilMeasured",
          "t" + t + "-toil" + n,
          periodEnd.plus(Duration.ofDays(2)).toString(),
          period);
      if (t == 0 && n == 5) {
        // a CI job re-run measured the month again, later and differently: the later one counts
        Map<String, Object> again = new java.util.HashMap<>(period);
        again.put("toilHours", 65);
        add(
            "ToilMeasured",
            "t0-toil-remeasured",
            periodEnd.plus(Duration.ofDays(4)).toString(),
            again);
      }
    }

    private String id(String local) {
      return org + "-" + local;
    }

    private void add(String type, String eventId, String at, Map<String, Object> fields) {
      events.add(event(type, id(eventId), at, fields));
    }

    static ObjectNode event(String type, String eventId, String at, Map<String, Object> fields) {
      ObjectNode node = JSON.createObjectNode();
      node.put("type", type);
      node.put("eventId", eventId);
      node.setAll((ObjectNode) JSON.valueToTree(fields));
      node.put("occurredAt", at);
      return node;
    }
  }

  // ---- reading and comparing --------------------------------------------------------------

  /** Submits the events in order, in batches of 100, and answers each one's outcome. */
  private static List<String> outcomes(List<ObjectNode> events) {
    List<String> outcomes = new ArrayList<>();
    for (int from = 0; from < events.size(); from += 100) {
      List<ObjectNode> batch = events.subList(from, Math.min(events.size(), from + 100));
      PlumblineClient.Answer answer =
          client.submitBatch(
              JSON.createObjectNode().set("events", JSON.valueToTree(batch)).toString());
      assertThat(answer.status()).as(answer.body().toString()).isIn(200, 202, 207);
      for (JsonNode result : answer.body().path("results")) {
        String outcome = result.path("outcome").asText();
        outcomes.add(
            outcome.equals("REJECTED")
                ? outcome
                    + " "
                    + batch.get(result.path("index").asInt())
                    + " "
                    + result.path("problem")
                : outcome);
      }
    }
    return outcomes;
  }

  private static void awaitSettled(long events) {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                EventCounts.projected(stack) == events
                    && client
                            .get("/api/v1/admin/rubric/replay")
                            .body()
                            .path("pendingTeams")
                            .asLong()
                        == 0);
  }

  private static List<String> quarters() {
    List<String> quarters = new ArrayList<>();
    for (int year = 2023; year <= 2026; year++) {
      for (int q = year == 2023 ? 4 : 1; q <= 4; q++) {
        quarters.add(year + "-Q" + q);
      }
    }
    return quarters;
  }

  private static JsonNode read(String path) {
    PlumblineClient.Answer answer = client.get(path);
    assertThat(answer.status()).as(path + " → " + answer.body()).isEqualTo(200);
    return answer.body();
  }

  /** The figures without the moments they were computed at (the current quarter's is now). */
  private static JsonNode withoutMoments(JsonNode answer) {
    JsonNode copy = answer.deepCopy();
    removeMoments(copy);
    return copy;
  }

  private static void removeMoments(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("asOf", "computedAt"));
    }
    node.forEach(ImportOrderScenarioTest::removeMoments);
  }

  private static String asOrgA(JsonNode fromOrgB) {
    return ORG_B.matcher(fromOrgB.toString()).replaceAll("a-");
  }
}
