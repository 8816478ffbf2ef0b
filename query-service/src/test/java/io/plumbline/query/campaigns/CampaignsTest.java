package io.plumbline.query.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.toil.ToilMeasured;
import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.TestTopic;
import io.plumbline.query.metrics.refresh.CampaignMetrics;
import io.plumbline.query.metrics.store.ExportLease;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Leadership sets a target with a deadline over a scope of teams and follows it: who met it, who
 * has not and what stands in their way, who is at risk, week by week; after the deadline the result
 * is frozen and late facts no longer change it. Works in 2015 with a group of its own.
 *
 * <p>The group G has three teams: "slo" defined an SLO with an error-budget policy on its tier-1
 * service in February 2015 (SLOs level 2), "bare" has a tier-2 service and nothing else, "late" was
 * registered in May 2015 with no evidence.
 */
@EmbeddedInfrastructureTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired CampaignMetrics metrics;
  @Autowired ExportLease lease;

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String group = "g-" + id;
  private final String slo = "slo-" + id;
  private final String bare = "bare-" + id;
  private final String late = "late-" + id;
  private TestRestTemplate http;

  @BeforeAll
  void history() {
    http = TestTopic.adminHttp(port);
    try (TestTopic topic = new TestTopic()) {
      topic.publish(
          new GroupDefined("def-" + group, group, "Payments " + id, null, at("2015-01-01")));
      topic.publish(new TeamRegistered("reg-" + slo, slo, "Ledger", group, at("2015-01-02")));
      topic.publish(new TeamRegistered("reg-" + bare, bare, "Bare", group, at("2015-01-02")));
      topic.publish(new TeamRegistered("reg-" + late, late, "Late", group, at("2015-05-01")));
      topic.publish(
          new ServiceRegistered("svc-" + slo, slo, "api-" + slo, "API", 1, at("2015-01-03")));
      topic.publish(
          new ServiceRegistered("svc-" + bare, bare, "web-" + bare, "Web", 2, at("2015-01-03")));
      topic.publish(
          new SloDefined(
              "def-" + slo,
              slo,
              "avail-" + slo,
              "api-" + slo,
              SliKind.AVAILABILITY,
              new BigDecimal("99.9"),
              30,
              true,
              false,
              at("2015-02-01")));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                http.getForObject(
                        "/api/v1/teams?quarter=2015-Q2&group="
                            + group
                            + "&practice=slos&practiceLevel=2",
                        String.class)
                    .contains(slo));
  }

  @Test
  void progressNamesWhoMetTheTargetAndWhatStandsBetweenTheOthersAndIt() {
    assertThat(
            put(
                    "c1-" + id,
                    campaign("\"groupId\":\"" + group + "\",\"practice\":\"slos\",\"level\":2"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(
            put(
                    "c1-" + id,
                    campaign("\"groupId\":\"" + group + "\",\"practice\":\"slos\",\"level\":2"))
                .getStatusCode()
                .value())
        .isEqualTo(200);

    JsonNode standing = get("/api/v1/campaigns/c1-" + id + "?asOf=2015-06-01T00:00:00Z");
    JsonNode progress = standing.path("progress");

    assertThat(standing.at("/campaign/target").asText()).isEqualTo("slos at level 2 or above");
    assertThat(progress.path("teams").asInt()).isEqualTo(3);
    assertThat(progress.path("teamsMet").toString()).isEqualTo("[\"" + slo + "\"]");
    assertThat(progress.path("shareMet").decimalValue()).isEqualByComparingTo("0.333");
    JsonNode first = progress.at("/teamsNotMet/0");
    assertThat(first.path("teamId").asText()).isEqualTo(bare);
    assertThat(first.path("groupPath").toString()).isEqualTo("[\"Payments " + id + "\"]");
    assertThat(first.path("nextSteps").findValuesAsText("criterionId"))
        .containsExactly("slo.active", "slo.error-budget-policy");
    // neither moved towards it in the last 28 days
    assertThat(first.path("atRisk").asBoolean()).isTrue();
    assertThat(progress.path("atRisk").asInt()).isEqualTo(2);
    // in March, "late" was not registered yet
    assertThat(
            get("/api/v1/campaigns/c1-" + id + "?asOf=2015-03-01T00:00:00Z")
                .at("/progress/teams")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void aScopeByTierAndACriterionTargetNameTheCriterionAsTheNextStep() {
    put(
        "c2-" + id,
        campaign(
            "\"groupId\":\"" + group + "\",\"tier\":2,\"criterionId\":\"slo.burn-rate-alerts\""));

    JsonNode progress =
        get("/api/v1/campaigns/c2-" + id + "?asOf=2015-06-01T00:00:00Z").path("progress");

    assertThat(progress.path("teams").asInt()).isEqualTo(1);
    assertThat(progress.at("/teamsNotMet/0/teamId").asText()).isEqualTo(bare);
    assertThat(progress.at("/teamsNotMet/0/nextSteps/0/criterionId").asText())
        .isEqualTo("slo.burn-rate-alerts");
    assertThat(progress.at("/teamsNotMet/0/nextSteps/0/detail").asText()).isNotBlank();
  }

  @Test
  void weeklyPointsRunToNowAndTheMetricsCountEachCampaignsTeams() {
    put("c3-" + id, campaign("\"groupId\":\"" + group + "\",\"practice\":\"slos\",\"level\":1"));

    JsonNode points = get("/api/v1/campaigns/c3-" + id + "/points").path("points");
    lease.renew(); // this test's service is the fleet: it holds the lease and exports
    metrics.refresh();
    String scrape = http.getForObject("/actuator/prometheus", String.class);

    assertThat(points.size()).isGreaterThanOrEqualTo(1);
    JsonNode last = points.get(points.size() - 1);
    assertThat(last.path("teams").asInt()).isEqualTo(3);
    assertThat(last.path("met").asInt()).isEqualTo(1);
    assertThat(scrape)
        .contains(
            "plumbline_campaign_teams{application=\"plumbline-query-service\",campaign=\"c3-"
                + id
                + "\",state=\"met\"} 1.0")
        .contains("campaign=\"c3-" + id + "\",state=\"not_met\"} 2.0");
  }

  @Test
  void afterTheDeadlineTheResultIsFrozenAndLateFactsDoNotChangeIt() throws Exception {
    Instant deadline =
        Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    put(
        "c4-" + id,
        "{\"name\":\"Toil measured\",\"groupId\":\""
            + group
            + "\",\"practice\":\"toil\",\"level\":1,\"deadline\":\""
            + deadline
            + "\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Instant.now().isAfter(deadline.plusMillis(200)));

    JsonNode frozen = get("/api/v1/campaigns/c4-" + id).path("progress");
    try (TestTopic topic = new TestTopic()) {
      topic.publish(
          new ToilMeasured(
              "toil-" + bare,
              bare,
              at("2015-03-01"),
              at("2015-03-08"),
              BigDecimal.ONE,
              BigDecimal.TEN,
              at("2015-03-08")));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                http.getForObject(
                        "/api/v1/teams?quarter=2015-Q2&group="
                            + group
                            + "&practice=toil&practiceLevel=1",
                        String.class)
                    .contains(bare));
    JsonNode after = get("/api/v1/campaigns/c4-" + id);

    JsonNode points = get("/api/v1/campaigns/c4-" + id + "/points").path("points");
    JsonNode last = points.get(points.size() - 1);

    assertThat(frozen.path("frozen").asBoolean()).isTrue();
    assertThat(frozen.path("asOf").asText()).isEqualTo(deadline.toString());
    assertThat(frozen.path("met").asInt()).isZero();
    assertThat(after.path("progress")).isEqualTo(frozen);
    // the deadline's point is the frozen result too
    assertThat(last.path("at").asText()).isEqualTo(deadline.toString());
    assertThat(last.path("met").asInt()).isZero();
    assertThat(after.at("/campaign/frozen").asBoolean()).isTrue();
    // as of a moment before the deadline, the live facts say otherwise
    assertThat(
            get("/api/v1/campaigns/c4-" + id + "?asOf=" + deadline.minusSeconds(1))
                .at("/progress/met")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void aTeamThatMeetsTheTargetOnlyByExemptionIsNamedAsSuch() {
    String exempt = "exempt-" + id;
    String other = "g2-" + id;
    try (TestTopic topic = new TestTopic()) {
      topic.publish(new GroupDefined("def-" + other, other, "Other " + id, null, at("2015-01-01")));
      topic.publish(new TeamRegistered("reg-" + exempt, exempt, "Exempt", other, at("2015-01-02")));
      topic.publish(
          new TeamRegistered("reg2-" + exempt, "own-" + id, "Own", other, at("2015-01-02")));
      topic.publish(
          new ServiceRegistered(
              "svc-own-" + id, "own-" + id, "api-own-" + id, "API", 1, at("2015-01-03")));
      topic.publish(
          new SloDefined(
              "def-own-" + id,
              "own-" + id,
              "avail-own-" + id,
              "api-own-" + id,
              SliKind.AVAILABILITY,
              new BigDecimal("99.9"),
              30,
              false,
              false,
              at("2015-01-10")));
      topic.publish(
          new io.plumbline.events.exemption.ExemptionGranted(
              "ex-" + exempt,
              exempt,
              "slo-active",
              "slo.active",
              "Service being built",
              "CTO",
              at("2015-12-31"),
              at("2015-01-05")));
    }
    put("c5-" + id, campaign("\"groupId\":\"" + other + "\",\"practice\":\"slos\",\"level\":1"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        get("/api/v1/campaigns/c5-" + id + "?asOf=2015-02-01T00:00:00Z")
                            .at("/progress/teamsMetByExemption")
                            .toString())
                    .isEqualTo("[\"" + exempt + "\"]"));
    JsonNode progress =
        get("/api/v1/campaigns/c5-" + id + "?asOf=2015-02-15T00:00:00Z").path("progress");
    assertThat(progress.path("teamsMet").toString())
        .isEqualTo("[\"" + exempt + "\",\"own-" + id + "\"]");
    assertThat(progress.path("teamsMetByExemption").toString()).isEqualTo("[\"" + exempt + "\"]");
  }

  @Test
  void aCampaignThatNamesNothingOrLooksBackIsRefusedNamingTheField() {
    assertRefused(
        campaign("\"groupId\":\"nobody-" + id + "\",\"practice\":\"slos\",\"level\":2"), "groupId");
    assertRefused(campaign("\"practice\":\"yoga\",\"level\":2"), "practice");
    assertRefused(campaign("\"practice\":\"slos\",\"level\":7"), "level");
    assertRefused(campaign("\"criterionId\":\"slo.vibes\""), "criterionId");
    assertRefused(campaign("\"criterionId\":\"slo.active\",\"practice\":\"slos\""), "criterionId");
    assertRefused(campaign("\"practice\":\"slos\",\"level\":2,\"owner\":\"cto\""), "owner");
    assertRefused(campaign("\"practice\":\"slos\",\"level\":2,\"tier\":\"one\""), "tier");
    assertRefused(
        "{\"name\":\"Past\",\"practice\":\"slos\",\"level\":1,\"deadline\":\"2020-01-01T00:00:00Z\"}",
        "deadline");
    ResponseEntity<String> unknown =
        http.getForEntity("/api/v1/campaigns/nobody-" + id, String.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody()).contains("\"reason\":\"unknown-campaign\"");
  }

  private void assertRefused(String body, String field) {
    ResponseEntity<String> response = put("bad-" + id, body);
    assertThat(response.getStatusCode().value()).as(body).isEqualTo(422);
    JsonNode problem = read(response.getBody());
    assertThat(problem.path("reason").asText()).isEqualTo("invalid-campaign");
    assertThat(problem.path("field").asText()).as(body).isEqualTo(field);
  }

  private static String campaign(String fields) {
    return "{\"name\":\"Q3 target\","
        + fields
        + ",\"deadline\":\""
        + Instant.now().plus(Duration.ofDays(90))
        + "\"}";
  }

  private ResponseEntity<String> put(String campaignId, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(
        "/api/v1/admin/campaigns/" + campaignId,
        HttpMethod.PUT,
        new HttpEntity<>(body, headers),
        String.class);
  }

  private JsonNode get(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode().value())
        .as(path + ": " + response.getBody())
        .isEqualTo(200);
    return read(response.getBody());
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(body, e);
    }
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }
}
