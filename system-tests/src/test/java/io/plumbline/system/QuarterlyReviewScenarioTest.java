package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.local.EventCounts;
import io.plumbline.local.LocalStack;
import io.plumbline.local.LocalStackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small org — three groups, ten teams, two years of evidence, a reorg, a retirement, late events
 * and retried submissions — ingested through the command API. Every expected figure below is worked
 * out by hand from the default rubric; see the comments at each team.
 *
 * <p>Quarters asserted: 2025-Q4 (evaluated at 2026-01-01) and 2026-Q1 (at 2026-04-01).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarterlyReviewScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static LocalStack stack;
  private static PlumblineClient client;
  private static final List<String> submitted = new ArrayList<>();

  @BeforeAll
  static void start() {
    LocalStackConfig defaults = TestStacks.config(dataDir);
    LocalStackConfig config =
        new LocalStackConfig(
            defaults.dataDir(),
            defaults.durability(),
            defaults.mongoPort(),
            defaults.kafkaPort(),
            defaults.controllerPort(),
            defaults.commandPort(),
            defaults.queryPort(),
            defaults.commandServiceJar(),
            defaults.queryServiceJar(),
            defaults.serviceJvmOptions(),
            // a team's burst of events is evaluated once it has been quiet this long
            List.of("--plumbline.rollups.quiet=3s", "--plumbline.rollups.max-wait=60s"));
    stack = LocalStack.start(config);
    client = new PlumblineClient(stack);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  // ---- the scenario ---------------------------------------------------------------------

  private static void ingestTheOrg() {
    submit(
        "GroupDefined",
        "g-eng",
        Map.of("groupId", "eng", "name", "Engineering"),
        "2024-10-15T00:00:00Z");
    submit(
        "GroupDefined",
        "g-platform",
        Map.of("groupId", "platform", "name", "Platform", "parentGroupId", "eng"),
        "2024-10-15T00:00:00Z");
    submit(
        "GroupDefined",
        "g-product",
        Map.of("groupId", "product", "name", "Product", "parentGroupId", "eng"),
        "2024-10-15T00:00:00Z");

    // Every practice at level 1 and nothing more, stable over time: overall 1, score 20.0.
    levelOneKit("p1", "platform", 1); // its tier-1 service has an SLO
    // p2: level-1 kit; in 2025-Q4 an error-budget policy (SLOs 2) and toil 40 % (toil 2):
    // 2025-Q4 = 2/1/1/2 → overall 1, 30.0; 2026-Q1 no toil measured = 2/1/1/1 → 1, 25.0
    levelOneKit("p2", "platform", 2);
    redefineSloWithPolicy("p2", "2025-11-10T00:00:00Z", "p2-ebp");
    toil("p2", "40", "2025-11-10T00:00:00Z", "p2-toil-q4");
    // p3: registered, no evidence: 0 everywhere, score 0.0
    team("p3", "platform");
    // p4: level-1 kit; moves to product in 2026-Q1
    levelOneKit("p4", "platform", 2);
    submit(
        "TeamMoved",
        "p4-move",
        Map.of("teamId", "p4", "toGroupId", "product"),
        "2026-02-15T00:00:00Z");
    // d1: level-1 kit in 2025-Q4 (1, 20.0); in 2026-Q1 SLOs 2, postmortems 3 (blameless, no
    // major incident, nothing due, no improvement), runbooks 2 (exactly 50 % coverage), toil 2
    // (exactly 50 %): overall 2, score 45.0 — moves up. Postmortem lead time 24 h.
    levelOneKit("d1", "product", 2);
    redefineSloWithPolicy("d1", "2026-01-10T00:00:00Z", "d1-ebp");
    inventory("d1", "2026-01-10T00:00:00Z", "d1-inv");
    incident("d1", "d1-inc2", "SEV3", "2026-01-11T00:00:00Z");
    postmortem(
        "d1", "d1-pm2", "d1-inc2", true, "2026-01-12T00:00:00Z", "2026-06-01T00:00:00Z", List.of());
    toil("d1", "50", "2026-02-01T00:00:00Z", "d1-toil-q1");
    // d2: in 2025-Q4 SLOs 2, postmortems 3 (item due 2025-12-01 never closed), runbooks 2,
    // toil 2 (20 %): overall 2, 45.0 (up from 1); in 2026-Q1 toil unmeasured → 1: 1, 40.0 (down)
    levelOneKit("d2", "product", 2);
    redefineSloWithPolicy("d2", "2025-10-05T00:00:00Z", "d2-ebp");
    inventory("d2", "2025-10-05T00:00:00Z", "d2-inv");
    incident("d2", "d2-inc2", "SEV3", "2025-10-05T00:00:00Z");
    postmortem(
        "d2", "d2-pm2", "d2-inc2", true, "2025-10-06T00:00:00Z", "2025-12-01T00:00:00Z", List.of());
    toil("d2", "20", "2025-10-07T00:00:00Z", "d2-toil-q4");
    // d3: level-1 kit; in 2026-Q1 a SEV1 followed up in 60 h: postmortems 3 → 1, 30.0
    levelOneKit("d3", "product", 2);
    incident("d3", "d3-inc2", "SEV1", "2026-02-10T00:00:00Z");
    postmortem(
        "d3", "d3-pm2", "d3-inc2", true, "2026-02-12T12:00:00Z", "2026-05-01T00:00:00Z", List.of());
    // d4: level-1 kit; retired in 2026-Q1, so it leaves that quarter's rollups
    levelOneKit("d4", "product", 2);
    submit("TeamRetired", "d4-retire", Map.of("teamId", "d4"), "2026-03-01T00:00:00Z");
    // e1: level-1 kit, directly under eng; the target of a late event later
    levelOneKit("e1", "eng", 2);
    // e2: a tier-1 service without any SLO, nothing else: 0, 0.0; halves tier-1 SLO coverage
    team("e2", "eng");
    submit(
        "ServiceRegistered",
        "e2-svc",
        Map.of("teamId", "e2", "serviceId", "svc", "name", "svc", "tier", 1),
        "2024-11-01T00:00:00Z");
  }

  private static void team(String team, String group) {
    submit(
        "TeamRegistered",
        team + "-reg",
        Map.of("teamId", team, "name", team, "groupId", group),
        "2024-11-01T00:00:00Z");
  }

  /**
   * Level 1 in every practice: an SLO without policy, a postmortem that blames (its one action item
   * fell due in 2024), a runbook covering alert A while no inventory exists, and one toil
   * measurement in 2024.
   */
  private static void levelOneKit(String team, String group, int tier) {
    team(team, group);
    submit(
        "ServiceRegistered",
        team + "-svc",
        Map.of("teamId", team, "serviceId", "svc", "name", "svc", "tier", tier),
        "2024-11-01T00:00:00Z");
    submit("SloDefined", team + "-slo", slo(team, false), "2024-11-02T00:00:00Z");
    incident(team, team + "-inc", "SEV3", "2024-11-03T00:00:00Z");
    postmortem(
        team,
        team + "-pm",
        team + "-inc",
        false,
        "2024-11-04T00:00:00Z",
        "2024-12-01T00:00:00Z",
        List.of());
    submit(
        "RunbookPublished",
        team + "-rb",
        Map.of(
            "teamId",
            team,
            "runbookId",
            "rb",
            "serviceId",
            "svc",
            "coveredAlerts",
            List.of("A"),
            "automated",
            false),
        "2024-11-05T00:00:00Z");
    toil(team, "10", "2024-11-06T00:00:00Z", team + "-toil");
  }

  private static Map<String, Object> slo(String team, boolean policy) {
    return Map.of(
        "teamId",
        team,
        "sloId",
        "avail",
        "serviceId",
        "svc",
        "sliKind",
        "AVAILABILITY",
        "objectivePercent",
        99.9,
        "windowDays",
        30,
        "errorBudgetPolicy",
        policy,
        "burnRateAlerts",
        false);
  }

  private static void redefineSloWithPolicy(String team, String at, String eventId) {
    submit("SloDefined", eventId, slo(team, true), at);
  }

  private static void inventory(String team, String at, String eventId) {
    submit(
        "AlertInventoryReported",
        eventId,
        Map.of("teamId", team, "serviceId", "svc", "alertNames", List.of("A", "B")),
        at);
  }

  private static void incident(String team, String incident, String severity, String resolvedAt) {
    submit(
        "IncidentRecorded",
        incident,
        Map.of(
            "teamId",
            team,
            "incidentId",
            incident,
            "severity",
            severity,
            "startedAt",
            java.time.Instant.parse(resolvedAt).minusSeconds(3600).toString(),
            "resolvedAt",
            resolvedAt),
        resolvedAt);
  }

  private static void postmortem(
      String team,
      String pm,
      String incident,
      boolean blameless,
      String at,
      String due,
      List<String> involved) {
    submit(
        "PostmortemPublished",
        pm,
        Map.of(
            "teamId",
            team,
            "postmortemId",
            pm,
            "incidentId",
            incident,
            "blameless",
            blameless,
            "actionItems",
            List.of(Map.of("actionItemId", pm + "-ai", "dueAt", due)),
            "involvedTeamIds",
            involved),
        at);
  }

  private static void toil(String team, String toilHours, String at, String eventId) {
    submit(
        "ToilMeasured",
        eventId,
        Map.of(
            "teamId",
            team,
            // the week before: periods of one team never overlap, which would be refused
            "periodStart",
            java.time.Instant.parse(at).minus(Duration.ofDays(7)).toString(),
            "periodEnd",
            at,
            "toilHours",
            Double.parseDouble(toilHours),
            "opsHours",
            100),
        at);
  }

  private static String json(String type, String eventId, Map<String, Object> fields, String at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", type);
    node.put("eventId", eventId);
    node.setAll((ObjectNode) JSON.valueToTree(fields));
    node.put("occurredAt", at);
    return node.toString();
  }

  private static void submit(String type, String eventId, Map<String, Object> fields, String at) {
    String body = json(type, eventId, fields, at);
    PlumblineClient.Answer answer = client.submit(body);
    assertThat(answer.status()).as(body + " → " + answer.body()).isEqualTo(202);
    submitted.add(body);
  }

  // ---- expectations ---------------------------------------------------------------------

  private static JsonNode rollup(String path) {
    PlumblineClient.Answer answer = client.get(path);
    assertThat(answer.status()).as(path + " → " + answer.body()).isEqualTo(200);
    return answer.body();
  }

  private static void awaitAsserted(Runnable assertion) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(assertion::run);
  }

  private static List<String> movers(JsonNode rollup, String field) {
    List<String> movers = new ArrayList<>();
    rollup
        .path(field)
        .forEach(
            m ->
                movers.add(
                    m.path("teamId").asText()
                        + ":"
                        + m.path("from").asInt()
                        + "->"
                        + m.path("to").asInt()));
    return movers;
  }

  @Test
  @Order(1)
  void theOrgRollupOf2025Q4MatchesTheHandComputedFigures() {
    ingestTheOrg();

    awaitAsserted(
        () -> {
          JsonNode org = rollup("/api/v1/org/rollup?quarter=2025-Q4");
          assertThat(org.path("teams").asInt()).isEqualTo(10);
          assertThat(org.at("/teamsPerLevel/0").asInt()).isEqualTo(2);
          assertThat(org.at("/teamsPerLevel/1").asInt()).isEqualTo(7);
          assertThat(org.at("/teamsPerLevel/2").asInt()).isEqualTo(1);
          assertThat(org.path("meanScore").decimalValue()).isEqualByComparingTo("19.5");
          assertThat(org.path("medianScore").decimalValue()).isEqualByComparingTo("20.0");
          assertThat(org.at("/meanLevelPerPractice/slos").decimalValue())
              .isEqualByComparingTo("1.00");
          assertThat(org.at("/meanLevelPerPractice/postmortems").decimalValue())
              .isEqualByComparingTo("1.00");
          assertThat(org.at("/meanLevelPerPractice/runbooks").decimalValue())
              .isEqualByComparingTo("0.90");
          assertThat(org.at("/meanLevelPerPractice/toil").decimalValue())
              .isEqualByComparingTo("1.00");
          assertThat(org.path("shareAtLevel3OrAbove").decimalValue()).isEqualByComparingTo("0");
          assertThat(movers(org, "moversUp")).containsExactly("d2:1->2");
          assertThat(movers(org, "moversDown")).isEmpty();
          assertThat(org.path("tier1SloCoverage").decimalValue()).isEqualByComparingTo("0.5");
          assertThat(org.path("medianPostmortemLeadTimeHours").decimalValue())
              .isEqualByComparingTo("24.0");
          assertThat(org.path("medianToilShare").decimalValue()).isEqualByComparingTo("0.3");
          assertThat(org.path("restatements")).isEmpty();
        });
  }

  @Test
  @Order(2)
  void groupRollupsOf2025Q4IncludeSubgroupsAsTheTreeStoodThen() {
    JsonNode platform = rollup("/api/v1/groups/platform/rollup?quarter=2025-Q4");
    assertThat(platform.path("teams").asInt()).isEqualTo(4);
    assertThat(platform.path("meanScore").decimalValue()).isEqualByComparingTo("17.5");
    assertThat(platform.path("medianScore").decimalValue()).isEqualByComparingTo("20.0");

    JsonNode product = rollup("/api/v1/groups/product/rollup?quarter=2025-Q4");
    assertThat(product.path("teams").asInt()).isEqualTo(4);
    assertThat(product.path("meanScore").decimalValue()).isEqualByComparingTo("26.3");
    assertThat(movers(product, "moversUp")).containsExactly("d2:1->2");

    assertThat(rollup("/api/v1/groups/eng/rollup?quarter=2025-Q4").path("teams").asInt())
        .isEqualTo(10);
  }

  @Test
  @Order(3)
  void in2026Q1TheReorgTheRetirementAndTheMoversShow() {
    JsonNode org = rollup("/api/v1/org/rollup?quarter=2026-Q1");
    assertThat(org.path("teams").asInt()).isEqualTo(9);
    assertThat(org.at("/teamsPerLevel/0").asInt()).isEqualTo(2);
    assertThat(org.at("/teamsPerLevel/1").asInt()).isEqualTo(6);
    assertThat(org.at("/teamsPerLevel/2").asInt()).isEqualTo(1);
    assertThat(org.path("meanScore").decimalValue()).isEqualByComparingTo("22.2");
    assertThat(org.path("medianScore").decimalValue()).isEqualByComparingTo("20.0");
    assertThat(org.at("/meanLevelPerPractice/slos").decimalValue()).isEqualByComparingTo("1.11");
    assertThat(org.at("/meanLevelPerPractice/postmortems").decimalValue())
        .isEqualByComparingTo("1.44");
    assertThat(org.at("/meanLevelPerPractice/runbooks").decimalValue())
        .isEqualByComparingTo("1.00");
    assertThat(org.at("/meanLevelPerPractice/toil").decimalValue()).isEqualByComparingTo("0.89");
    assertThat(movers(org, "moversUp")).containsExactly("d1:1->2");
    assertThat(movers(org, "moversDown")).containsExactly("d2:2->1");
    assertThat(org.path("medianPostmortemLeadTimeHours").decimalValue())
        .isEqualByComparingTo("42.0");
    assertThat(org.path("medianToilShare").decimalValue()).isEqualByComparingTo("0.5");

    JsonNode product = rollup("/api/v1/groups/product/rollup?quarter=2026-Q1");
    assertThat(product.path("teams").asInt()).isEqualTo(4); // p4 joined, d4 retired
    assertThat(product.path("meanScore").decimalValue()).isEqualByComparingTo("33.8");
    assertThat(product.path("medianScore").decimalValue()).isEqualByComparingTo("35.0");
    JsonNode platform = rollup("/api/v1/groups/platform/rollup?quarter=2026-Q1");
    assertThat(platform.path("teams").asInt()).isEqualTo(3);
    assertThat(platform.path("meanScore").decimalValue()).isEqualByComparingTo("15.0");
  }

  @Test
  @Order(4)
  void theExplanationSaysWhyATeamMoved() {
    JsonNode why = rollup("/api/v1/teams/d2/maturity/explanation?quarter=2026-Q1");

    assertThat(why.at("/overall/from").asInt()).isEqualTo(2);
    assertThat(why.at("/overall/to").asInt()).isEqualTo(1);
    assertThat(why.path("practiceChanges").toString())
        .contains("\"practice\":\"toil\",\"from\":2,\"to\":1");
    assertThat(why.path("criteriaChanges").toString()).contains("toil.capped");
    assertThat(why.at("/previous/practices/toil/criteria/1/evidence/0").asText())
        .isEqualTo("d2-toil-q4");
  }

  @Test
  @Order(5)
  void retriedAndRejectedSubmissionsChangeNothing() {
    long stored = EventCounts.stored(stack);
    long facts = EventCounts.projected(stack);

    for (String body : submitted.subList(0, 12)) {
      assertThat(client.submit(body).status()).isEqualTo(200);
    }
    assertThat(
            client
                .submit(
                    json(
                        "PostmortemPublished",
                        "bad-1",
                        Map.of(
                            "teamId",
                            "p1",
                            "postmortemId",
                            "x",
                            "incidentId",
                            "nope",
                            "blameless",
                            true,
                            "actionItems",
                            List.of(),
                            "involvedTeamIds",
                            List.of()),
                        "2026-01-01T00:00:00Z"))
                .status())
        .isEqualTo(404);
    assertThat(
            client
                .submit(
                    json(
                        "ToilMeasured",
                        "bad-2",
                        Map.of(
                            "teamId",
                            "p1",
                            "periodStart",
                            "2026-01-01T00:00:00Z",
                            "periodEnd",
                            "2026-02-01T00:00:00Z",
                            "toilHours",
                            101,
                            "opsHours",
                            100),
                        "2026-02-01T00:00:00Z"))
                .status())
        .isEqualTo(422);
    assertThat(
            client
                .submit(
                    json(
                        "SloReviewed",
                        "bad-3",
                        Map.of("teamId", "d4", "sloId", "avail"),
                        "2026-03-05T00:00:00Z"))
                .status())
        .isEqualTo(409);

    assertThat(EventCounts.stored(stack)).isEqualTo(stored);
    assertThat(EventCounts.projected(stack)).isEqualTo(facts);
    assertThat(client.queryMetric("plumbline_events_duplicates_total")).isZero();
  }

  @Test
  @Order(6)
  void aLateEventRestatesThePublishedQuarterItChanges() {
    // leadership reviews 2025-Q4: it is published, and only it (retried, as a client does, while
    // figures are still being recomputed: 409 figures-pending)
    awaitAsserted(
        () ->
            assertThat(client.send("POST", "/api/v1/quarters/2025-Q4/publish", "").status())
                .isIn(200, 201));
    assertThat(client.get("/api/v1/quarters").body().toString())
        .contains("\"quarter\":\"2025-Q4\"");
    submit("SloDefined", "late-e1", slo("e1", true), "2025-12-15T00:00:00Z");

    awaitAsserted(
        () -> {
          JsonNode q4 = rollup("/api/v1/org/rollup?quarter=2025-Q4");
          assertThat(q4.path("meanScore").decimalValue()).isEqualByComparingTo("20.0");
          assertThat(q4.path("restatements").toString())
              .contains("\"teamId\":\"e1\"")
              .contains("late-e1");
          JsonNode q1 = rollup("/api/v1/org/rollup?quarter=2026-Q1");
          assertThat(q1.path("meanScore").decimalValue()).isEqualByComparingTo("22.8");
        });
    JsonNode e1 = rollup("/api/v1/teams/e1/maturity?quarter=2025-Q4");
    assertThat(e1.path("restated").asBoolean()).isTrue();
    assertThat(e1.at("/restatements/0/eventIds").toString()).isEqualTo("[\"late-e1\"]");
    assertThat(e1.at("/restatements/0/before/score").decimalValue()).isEqualByComparingTo("20.0");
    assertThat(e1.at("/restatements/0/after/score").decimalValue()).isEqualByComparingTo("25.0");
    assertThat(e1.path("score").decimalValue()).isEqualByComparingTo("25.0");
    // 2026-Q1 changed too, but nobody saw it published: no restatement
    assertThat(rollup("/api/v1/org/rollup?quarter=2026-Q1").path("restatements")).isEmpty();
    JsonNode q3 = rollup("/api/v1/org/rollup?quarter=2025-Q3");
    assertThat(q3.path("restatements")).isEmpty();
  }

  @Test
  @Order(7)
  void aStricterRubricChangesTheFiguresAndSwitchingBackRestoresThem() throws Exception {
    JsonNode before = figures(rollup("/api/v1/org/rollup?quarter=2026-Q1"));
    String defaultRubric = client.get("/api/v1/admin/rubric").body().path("text").asText();
    String strict =
        defaultRubric
            .replace("version: default-1", "version: strict-1")
            .replace("ownedMaxShare: 0.5", "ownedMaxShare: 0.3");

    JsonNode preview =
        client.send("POST", "/api/v1/admin/rubric/preview?quarter=2026-Q1", strict).body();
    assertThat(preview.at("/org/teamsPerLevel/2").asInt())
        .isZero(); // d1's toil of 50 % no longer passes
    assertThat(figures(rollup("/api/v1/org/rollup?quarter=2026-Q1"))).isEqualTo(before);

    assertThat(client.send("PUT", "/api/v1/admin/rubric", strict).status()).isEqualTo(202);
    awaitAsserted(
        () -> {
          JsonNode org = rollup("/api/v1/org/rollup?quarter=2026-Q1");
          assertThat(org.path("rubricVersion").asText()).isEqualTo("strict-1");
          assertThat(org.at("/teamsPerLevel/2").asInt()).isZero();
          assertThat(client.get("/api/v1/admin/rubric/replay").body().path("done").asBoolean())
              .isTrue();
        });

    assertThat(client.send("PUT", "/api/v1/admin/rubric", defaultRubric).status()).isEqualTo(202);
    awaitAsserted(
        () -> {
          JsonNode org = rollup("/api/v1/org/rollup?quarter=2026-Q1");
          assertThat(org.path("rubricVersion").asText()).isEqualTo("default-1");
          assertThat(figures(org)).isEqualTo(before);
        });
  }

  // ---- leadership's quarter: listing, trend, exemption, campaign, report -----------------

  @Test
  @Order(8)
  void theTeamsOfProductIn2026Q1AreListedWithTheirMovementAndFilteredByPractice() {
    JsonNode page = rollup("/api/v1/teams?quarter=2026-Q1&group=product&sort=-score");
    String csv = client.getText("/api/v1/teams.csv?quarter=2026-Q1&group=product&sort=-score");

    // d1 2/3/2/2 (45.0, up from 1), d2 2/3/2/1 (40.0, down from 2), d3 1/3/1/1 (30.0), p4 moved
    // in from platform (20.0); d4 retired in the quarter and is not listed
    assertThat(ids(page.path("teams"), "teamId")).containsExactly("d1", "d2", "d3", "p4");
    assertThat(ids(page.path("teams"), "movement"))
        .containsExactly("up", "down", "unchanged", "unchanged");
    assertThat(ids(page.path("teams"), "score")).containsExactly("45.0", "40.0", "30.0", "20.0");
    assertThat(page.at("/teams/3/groupPath").toString()).isEqualTo("[\"Engineering\",\"Product\"]");
    assertThat(
            ids(
                rollup(
                        "/api/v1/teams?quarter=2026-Q1&group=eng&practice=postmortems&practiceLevel=3")
                    .path("teams"),
                "teamId"))
        .containsExactly("d1", "d2", "d3");
    assertThat(csv.lines().toList()).hasSize(5);
    assertThat(csv.lines().toList().get(1))
        .startsWith("2026-Q1,d1,d1,product,\"Engineering / Product\",2,3,2,2,2,false,45.0,1,up,");
  }

  @Test
  @Order(9)
  void aTwoYearTrendHasEveryQuarterWithFiguresInOrder() {
    JsonNode trend = rollup("/api/v1/org/trend?from=2024-Q4&to=2026-Q3");
    JsonNode q1 = rollup("/api/v1/org/rollup?quarter=2026-Q1");

    assertThat(ids(trend.path("points"), "quarter"))
        .containsExactly(
            "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");
    JsonNode point = trend.at("/points/5");
    assertThat(point.path("teams").asInt()).isEqualTo(q1.path("teams").asInt()).isEqualTo(9);
    assertThat(point.path("meanScore").decimalValue())
        .isEqualByComparingTo(q1.path("meanScore").decimalValue());
    assertThat(point.path("moversUp").asInt()).isEqualTo(1);
    assertThat(point.path("moversDown").asInt()).isEqualTo(1);
  }

  @Test
  @Order(10)
  void anExemptionShowsInTheExplanationAndTheRollupUntilTheClockEndsIt() {
    // x1 joins eng in 2026-Q2 with SLOs, postmortems and runbooks at level 1 and no toil measured;
    // an approver exempts it from measuring toil until the quarter's end
    team2026("x1", "eng");
    submit(
        "ServiceRegistered",
        "x1-svc",
        Map.of("teamId", "x1", "serviceId", "svc", "name", "svc", "tier", 2),
        "2026-04-10T00:00:00Z");
    submit("SloDefined", "x1-slo", slo("x1", false), "2026-04-11T00:00:00Z");
    incident("x1", "x1-inc", "SEV3", "2026-04-12T00:00:00Z");
    postmortem(
        "x1", "x1-pm", "x1-inc", false, "2026-04-13T00:00:00Z", "2026-05-01T00:00:00Z", List.of());
    submit(
        "RunbookPublished",
        "x1-rb",
        Map.of(
            "teamId",
            "x1",
            "runbookId",
            "rb",
            "serviceId",
            "svc",
            "coveredAlerts",
            List.of("A"),
            "automated",
            false),
        "2026-04-14T00:00:00Z");
    submit(
        "ExemptionGranted",
        "x1-exempt",
        Map.of(
            "teamId",
            "x1",
            "exemptionId",
            "toil-2026-q2",
            "criterionId",
            "toil.measured",
            "reason",
            "New team; toil is measured from Q3",
            "approvedBy",
            "VP Engineering",
            "expiresAt",
            "2026-07-01T00:00:00Z"),
        "2026-04-15T00:00:00Z");

    awaitAsserted(
        () -> {
          JsonNode eng = rollup("/api/v1/groups/eng/rollup?quarter=2026-Q2");
          assertThat(eng.at("/teamsPerLevelByExemption/1").asInt()).isEqualTo(1);
          JsonNode q3 = rollup("/api/v1/teams?quarter=2026-Q3&group=eng&level=0");
          assertThat(ids(q3.path("teams"), "teamId")).contains("x1");
        });
    JsonNode why = rollup("/api/v1/teams/x1/maturity/explanation?quarter=2026-Q2");
    JsonNode toil = why.at("/current/practices/toil");
    assertThat(toil.path("level").asInt()).isEqualTo(1);
    assertThat(toil.at("/criteria/0/id").asText()).isEqualTo("toil.measured");
    assertThat(toil.at("/criteria/0/exemption/reason").asText())
        .isEqualTo("New team; toil is measured from Q3");
    assertThat(rollup("/api/v1/teams?quarter=2026-Q2&group=eng&level=1").toString())
        .contains("\"teamId\":\"x1\"")
        .contains("\"byExemption\":true");
    // expired at 2026-07-01 by the clock, with no event: toil 0 in 2026-Q3
    assertThat(
            rollup("/api/v1/teams/x1/maturity?quarter=2026-Q3").at("/practices/toil/level").asInt())
        .isZero();
  }

  @Test
  @Order(11)
  void aCampaignOverProductShowsProgressAtThreeInstantsItsAtRiskTeamsAndAFrozenResult() {
    java.time.Instant deadline =
        java.time.Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    PlumblineClient.Answer set =
        client.putQuery(
            "/api/v1/admin/campaigns/product-slos-2",
            "{\"name\":\"Product owns its SLOs\",\"groupId\":\"product\",\"practice\":\"slos\","
                + "\"level\":2,\"deadline\":\""
                + deadline
                + "\"}");
    assertThat(set.status()).as(set.body().toString()).isEqualTo(201);

    // 2025-12-01: d2 has had its error-budget policy since October; d1, d3, d4 have not moved
    JsonNode december = campaign("?asOf=2025-12-01T00:00:00Z");
    assertThat(december.path("teamsMet").toString()).isEqualTo("[\"d2\"]");
    assertThat(ids(december.path("teamsNotMet"), "teamId")).containsExactly("d1", "d3", "d4");
    assertThat(ids(december.path("teamsNotMet"), "atRisk")).containsExactly("true", "true", "true");
    assertThat(december.at("/teamsNotMet/0/nextSteps/0/criterionId").asText())
        .isEqualTo("slo.error-budget-policy");
    // 2026-01-20: d1 defined its policy on 2026-01-10 and met it
    JsonNode january = campaign("?asOf=2026-01-20T00:00:00Z");
    assertThat(january.path("teamsMet").toString()).isEqualTo("[\"d1\",\"d2\"]");
    assertThat(ids(january.path("teamsNotMet"), "teamId")).containsExactly("d3", "d4");
    // 2026-03-15: d4 retired, p4 moved into product without a policy
    JsonNode march = campaign("?asOf=2026-03-15T00:00:00Z");
    assertThat(ids(march.path("teamsNotMet"), "teamId")).containsExactly("d3", "p4");
    assertThat(march.path("shareMet").decimalValue()).isEqualByComparingTo("0.5");

    await().atMost(Duration.ofSeconds(10)).until(() -> java.time.Instant.now().isAfter(deadline));
    JsonNode frozen = campaign("");
    redefineSloWithPolicy("d3", "2026-05-01T00:00:00Z", "d3-ebp-late");
    awaitAsserted(
        () ->
            assertThat(campaign("?asOf=" + deadline.minusSeconds(1)).path("met").asInt())
                .isEqualTo(3));

    assertThat(frozen.path("frozen").asBoolean()).isTrue();
    assertThat(frozen.path("asOf").asText()).isEqualTo(deadline.toString());
    assertThat(frozen.path("met").asInt()).isEqualTo(2);
    assertThat(campaign("")).isEqualTo(frozen);
  }

  @Test
  @Order(12)
  void theQuarterlyReportOf2026Q1ShowsItsMoversHeatMapAndCampaign() {
    String html = client.getText("/api/v1/org/report?quarter=2026-Q1");

    assertThat(html)
        .contains("<h1>The org — 2026-Q1</h1>")
        .contains("<td class=\"num up\">1 → 2</td>")
        .contains("<td class=\"num down\">2 → 1</td>")
        .contains("<td>Engineering / Product</td>")
        .contains("<td>Product owns its SLOs</td>");
  }

  private static JsonNode campaign(String query) {
    return rollup("/api/v1/campaigns/product-slos-2" + query).path("progress");
  }

  private static void team2026(String team, String group) {
    submit(
        "TeamRegistered",
        team + "-reg",
        Map.of("teamId", team, "name", team, "groupId", group),
        "2026-04-10T00:00:00Z");
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.path(field).asText()));
    return values;
  }

  private static JsonNode figures(JsonNode rollup) {
    ObjectNode copy = rollup.deepCopy();
    copy.remove("computedAt");
    copy.remove("rubricVersion");
    copy.remove("rubricGeneration");
    return copy;
  }
}
