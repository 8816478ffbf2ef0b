package io.plumbline.query.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.plumbline.events.exemption.ExemptionGranted;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.postmortem.Severity;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.toil.ToilMeasured;
import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.TestTopic;
import io.plumbline.service.tokens.ApiTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What leadership reads about a quarter: every team listed with where it sits, its levels, its
 * movement and its next steps, filtered and paged; the org's and a group's figures over a range of
 * quarters; the group × practice heat map. Works in 2017 with groups of its own, so the shared
 * database's other tests do not show up in its groups.
 *
 * <p>The org: root R with subgroups Payments (P) and Web (W). In 2017-Q2, team a (P) reaches level
 * 1 in every practice (up from 0), b (W) has toil at level 2 and nothing else (unchanged at 0), c
 * (P) retired in April (not listed), d (P, named like a formula) was registered in May (new).
 */
@EmbeddedInfrastructureTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadershipReadsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired MongoClient mongoClient;

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String r = "r-" + id;
  private final String p = "p-" + id;
  private final String w = "w-" + id;
  private final String a = "a-" + id;
  private final String b = "b-" + id;
  private final String c = "c-" + id;
  private final String d = "d-" + id;
  private final String x = "x-" + id;
  private final String e = "e-" + id;
  private final String y = "y-" + id;
  private final String f = "f-" + id;
  private TestRestTemplate http;

  @BeforeAll
  void history() {
    http = TestTopic.adminHttp(port);
    try (TestTopic topic = new TestTopic()) {
      topic.publish(new GroupDefined("g-" + r, r, "Org " + id, null, at("2017-01-01")));
      topic.publish(new GroupDefined("g-" + p, p, "Payments", r, at("2017-01-01")));
      topic.publish(new GroupDefined("g-" + w, w, "Web <em>&</em>", r, at("2017-01-01")));
      topic.publish(new TeamRegistered("reg-" + a, a, "Checkout", p, at("2017-01-02")));
      topic.publish(new TeamRegistered("reg-" + b, b, "Storefront", w, at("2017-01-02")));
      topic.publish(new TeamRegistered("reg-" + c, c, "Legacy", p, at("2017-01-03")));
      topic.publish(new TeamRetired("ret-" + c, c, at("2017-04-10")));
      topic.publish(new TeamRegistered("reg-" + d, d, "=SUM(1)", p, at("2017-05-01")));
      // a: toil measured in Q1 (level 1 ever after), then an SLO, a postmortem, a runbook in Q2
      topic.publish(new ServiceRegistered("svc-" + a, a, "api-" + a, "API", 1, at("2017-01-05")));
      topic.publish(toil("toil-" + a, a, "2017-02-01", "60"));
      topic.publish(
          new SloDefined(
              "slo-" + a,
              a,
              "avail-" + a,
              "api-" + a,
              SliKind.AVAILABILITY,
              new BigDecimal("99.9"),
              30,
              false,
              false,
              at("2017-04-05")));
      Instant incident = at("2017-04-20");
      topic.publish(
          new IncidentRecorded(
              "inc-" + a,
              a,
              "INC-" + a,
              Severity.SEV3,
              incident,
              incident.plusSeconds(3600),
              incident.plusSeconds(3600)));
      topic.publish(
          new PostmortemPublished(
              "pm-" + a, a, "PM-" + a, "INC-" + a, false, List.of(), List.of(), at("2017-04-22")));
      topic.publish(
          new RunbookPublished(
              "rb-" + a,
              a,
              "rb-" + a,
              "api-" + a,
              List.of("HighLatency"),
              false,
              at("2017-05-02")));
      // b: toil at 40 % in Q2
      topic.publish(toil("toil-" + b, b, "2017-05-01", "40"));
      // e, in a group of its own: level 1 in every practice but toil, never measured; exempted
      topic.publish(new GroupDefined("g-" + x, x, "Exempted " + id, null, at("2017-01-01")));
      topic.publish(new TeamRegistered("reg-" + e, e, "Migrations", x, at("2017-01-02")));
      levelOneButToil(topic, e);
      // f was placed in y in February, y itself defined (under x) only in August: a backfill
      topic.publish(new TeamRegistered("reg-" + f, f, "Backfilled", y, at("2017-02-01")));
      topic.publish(new GroupDefined("g-" + y, y, "Late " + id, x, at("2017-08-01")));
      topic.publish(
          new ExemptionGranted(
              "ex-" + e,
              e,
              "ex-toil",
              "toil.measured",
              "The team is being formed; toil is measured from Q3",
              "VP Engineering",
              at("2017-07-01"),
              at("2017-04-03")));
    }
    HttpHeaders json = new HttpHeaders();
    json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    http.exchange(
        "/api/v1/admin/campaigns/payments-slos-" + id,
        HttpMethod.PUT,
        new HttpEntity<>(
            "{\"name\":\"Payments owns its SLOs\",\"groupId\":\""
                + p
                + "\",\"practice\":\"slos\",\"level\":2,\"deadline\":\"2099-01-01T00:00:00Z\"}",
            json),
        String.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode page = get("/api/v1/teams?quarter=2017-Q2&group=" + r);
              JsonNode trend = get("/api/v1/groups/" + r + "/trend?from=2017-Q1&to=2017-Q2");
              JsonNode exempted = get("/api/v1/teams?quarter=2017-Q2&group=" + x);
              return page.path("total").asInt() == 3
                  && exempted.at("/teams/0/overallLevel").asInt() == 1
                  && page.at("/teams/0/overallLevel").asInt() == 1
                  && page.at("/teams/1/levels/toil").asInt() == 2
                  && trend.path("points").size() == 2
                  && trend.at("/points/1/moversUp").asInt() == 1
                  && trend.at("/points/1/teams").asInt() == 3;
            });
  }

  @Test
  void everyActiveTeamOfTheQuarterIsListedWithWhereItSitsAndHowItMoved() {
    JsonNode page = get("/api/v1/teams?quarter=2017-Q2&group=" + r);

    assertThat(teamIds(page)).containsExactly(a, b, d);
    JsonNode checkout = page.at("/teams/0");
    assertThat(checkout.path("teamName").asText()).isEqualTo("Checkout");
    assertThat(checkout.path("groupPath").toString())
        .isEqualTo("[\"Org " + id + "\",\"Payments\"]");
    assertThat(checkout.path("overallLevel").asInt()).isEqualTo(1);
    assertThat(checkout.path("score").decimalValue()).isEqualByComparingTo("20.0");
    assertThat(checkout.path("previousOverallLevel").asInt()).isZero();
    assertThat(checkout.path("movement").asText()).isEqualTo("up");
    assertThat(checkout.path("serviceTiers").toString()).isEqualTo("[1]");
    // what stands between it and level 2 in SLOs: an error-budget policy
    assertThat(checkout.path("nextSteps").toString()).contains("slo.error-budget-policy");
    JsonNode storefront = page.at("/teams/1");
    assertThat(storefront.path("movement").asText()).isEqualTo("unchanged");
    assertThat(storefront.at("/levels/toil").asInt()).isEqualTo(2);
    JsonNode newcomer = page.at("/teams/2");
    assertThat(newcomer.path("movement").asText()).isEqualTo("new");
    assertThat(newcomer.path("previousOverallLevel").isNull()).isTrue();
  }

  @Test
  void filtersNarrowTheListing() {
    String base = "/api/v1/teams?quarter=2017-Q2&group=" + r;

    assertThat(teamIds(get("/api/v1/teams?quarter=2017-Q2&group=" + p))).containsExactly(a, d);
    assertThat(teamIds(get(base + "&level=1"))).containsExactly(a);
    assertThat(teamIds(get(base + "&practice=toil&practiceLevel=2"))).containsExactly(b);
    assertThat(teamIds(get(base + "&tier=1"))).containsExactly(a);
    assertThat(teamIds(get(base + "&restated=false"))).containsExactly(a, b, d);
    assertThat(teamIds(get(base + "&restated=true"))).isEmpty();
    assertThat(teamIds(get(base + "&sort=-score"))).containsExactly(a, b, d);
    assertThat(teamIds(get(base + "&sort=score"))).containsExactly(d, b, a);
    // a quarter earlier, c was still active and d not yet registered
    assertThat(teamIds(get("/api/v1/teams?quarter=2017-Q1&group=" + r))).containsExactly(a, b, c);
  }

  @Test
  void pagesFollowOnWhereThePreviousEnded() {
    String base = "/api/v1/teams?quarter=2017-Q2&group=" + r + "&sort=-score&limit=2";
    JsonNode first = get(base);
    JsonNode second = get(base + "&cursor=" + first.path("nextCursor").asText());

    assertThat(first.path("total").asInt()).isEqualTo(3);
    assertThat(teamIds(first)).containsExactly(a, b);
    assertThat(teamIds(second)).containsExactly(d);
    assertThat(second.path("nextCursor").isNull()).isTrue();
  }

  @Test
  void theCsvHasTheSameRowsAndNoCellRunsAsAFormula() {
    String csv = http.getForObject("/api/v1/teams.csv?quarter=2017-Q2&group=" + r, String.class);
    List<String> lines = csv.lines().toList();

    assertThat(lines.get(0)).startsWith("quarter,teamId,teamName,groupId,groupPath,slos");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).contains(a, "Checkout", "Org " + id + " / Payments", ",up,");
    assertThat(lines.get(3)).contains("'=SUM(1)").doesNotContain(",=SUM(1)");
  }

  @Test
  void aTeamTokenListsItsOwnTeamOnlyAndCannotReadAnother() {
    String token = teamToken(b);

    ResponseEntity<String> own = asTeam(token, "/api/v1/teams?quarter=2017-Q2&group=" + r);
    ResponseEntity<String> other = asTeam(token, "/api/v1/teams/" + a + "/maturity");
    ResponseEntity<String> trend = asTeam(token, "/api/v1/org/trend");

    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(teamIds(read(own.getBody()))).containsExactly(b);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(trend.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void groupsAreATreeAsOfAnInstant() {
    JsonNode before = get("/api/v1/groups?asOf=2016-12-31T00:00:00Z");
    JsonNode after = get("/api/v1/groups?asOf=2017-06-01T00:00:00Z");

    assertThat(before.toString()).doesNotContain(r);
    JsonNode root = null;
    for (JsonNode group : after.path("groups")) {
      if (group.path("groupId").asText().equals(r)) {
        root = group;
      }
    }
    assertThat(root).isNotNull();
    assertThat(root.path("children").findValuesAsText("name"))
        .containsExactly("Payments", "Web <em>&</em>");
  }

  @Test
  void aGroupsTrendHasItsFiguresQuarterByQuarter() {
    JsonNode trend = get("/api/v1/groups/" + r + "/trend?from=2017-Q1&to=2017-Q2");
    String csv =
        http.getForObject(
            "/api/v1/groups/" + r + "/trend.csv?from=2017-Q1&to=2017-Q2", String.class);

    assertThat(trend.path("points").findValuesAsText("quarter"))
        .containsExactly("2017-Q1", "2017-Q2");
    JsonNode q2 = trend.at("/points/1");
    assertThat(q2.path("teams").asInt()).isEqualTo(3);
    assertThat(q2.path("level1").asInt()).isEqualTo(1);
    assertThat(q2.path("meanToil").decimalValue()).isEqualByComparingTo("1.00");
    assertThat(trend.at("/points/0/level1").asInt()).isZero();
    assertThat(csv.lines().toList()).hasSize(3);
    assertThat(csv.lines().toList().get(0)).startsWith("quarter,teams,level0");
  }

  @Test
  void theHeatMapHasEachGroupsMeanLevelPerPractice() {
    JsonNode map = get("/api/v1/org/heatmap?quarter=2017-Q2");
    String csv = http.getForObject("/api/v1/org/heatmap.csv?quarter=2017-Q2", String.class);

    assertThat(map.path("practices").toString())
        .isEqualTo("[\"slos\",\"postmortems\",\"runbooks\",\"toil\"]");
    JsonNode payments = row(map, p);
    assertThat(payments.path("groupPath").asText()).isEqualTo("Org " + id + " / Payments");
    assertThat(payments.path("teams").asInt()).isEqualTo(2);
    assertThat(payments.path("slos").decimalValue()).isEqualByComparingTo("0.50");
    assertThat(row(map, r).path("toil").decimalValue()).isEqualByComparingTo("1.00");
    assertThat(csv).contains(p + ",\"Org " + id + " / Payments\",2,0.50");
  }

  @Test
  void everyCsvIsAUtf8AttachmentNamedForItsView() {
    for (String[] download :
        new String[][] {
          {"/api/v1/org/heatmap.csv?quarter=2017-Q2", "plumbline-heatmap-2017-Q2.csv"},
          {"/api/v1/org/rollup.csv?quarter=2017-Q2", "plumbline-rollup-2017-Q2.csv"},
          {"/api/v1/teams.csv?quarter=2017-Q2", "plumbline-teams-2017-Q2.csv"},
          {
            "/api/v1/org/trend.csv?from=2017-Q1&to=2017-Q2",
            "plumbline-org-trend-2017-Q1-2017-Q2.csv"
          }
        }) {
      var answer = http.getForEntity(download[0], String.class);

      assertThat(answer.getStatusCode().value()).as(download[0]).isEqualTo(200);
      assertThat(answer.getHeaders().getFirst("Content-Type"))
          .as(download[0])
          .isEqualTo("text/csv;charset=UTF-8");
      assertThat(answer.getHeaders().getFirst("Content-Disposition"))
          .isEqualTo("attachment; filename=\"" + download[1] + "\"");
    }
  }

  @Test
  void wrongFiltersAreRefusedNamingTheField() {
    assertInvalid("/api/v1/teams?colour=red", "colour");
    assertInvalid("/api/v1/teams?quarter=2017-Q2&quarter=2017-Q1", "quarter");
    assertInvalid("/api/v1/teams?quarter=2017-Q5", "quarter");
    assertInvalid("/api/v1/teams?quarter=2999-Q1", "quarter");
    assertInvalid("/api/v1/teams?practice=toil", "practiceLevel");
    assertInvalid("/api/v1/teams?practice=yoga&practiceLevel=1", "practice");
    assertInvalid("/api/v1/teams?level=9", "level");
    assertInvalid("/api/v1/teams?group=nobody-" + id, "group");
    assertInvalid("/api/v1/teams?sort=height", "sort");
    assertInvalid("/api/v1/teams?cursor=not-a-cursor", "cursor");
    assertInvalid("/api/v1/teams.csv?limit=5", "limit");
    assertInvalid("/api/v1/org/trend?from=2017-Q3&to=2017-Q1", "from");
    assertInvalid("/api/v1/org/trend?from=2000-Q1&to=2017-Q1", "from");
    assertInvalid("/api/v1/org/trend?to=2017-13", "to");
    assertInvalid("/api/v1/org/heatmap?quarter=soon", "quarter");
    assertInvalid("/api/v1/org/report?quarter=2017-Q2&format=pdf", "format");
    // figures cover up to now: an instant in the future is refused, not answered
    ResponseEntity<String> future =
        http.getForEntity(
            "/api/v1/teams/" + a + "/maturity?asOf=2999-01-01T00:00:00Z", String.class);
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody()).contains("\"field\":\"asOf\"");
    assertThat(
            http.getForEntity("/api/v1/groups?asOf=2999-01-01T00:00:00Z", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(400);
    assertInvalid("/api/v1/campaigns/nobody-" + id + "?asOf=2999-01-01T00:00:00Z", "asOf");
    ResponseEntity<String> unknown =
        http.getForEntity("/api/v1/groups/nobody-" + id + "/trend", String.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody()).contains("\"reason\":\"unknown-group\"");
  }

  @Test
  void theQuarterlyReportIsOnePageThatLoadsNothingAndEscapesEveryName() {
    ResponseEntity<String> response =
        http.getForEntity("/api/v1/groups/" + r + "/report?quarter=2017-Q2", String.class);
    String html = response.getBody();

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'");
    assertThat(html)
        .contains("<h1>Org " + id + " — 2017-Q2</h1>")
        .contains("<svg id=\"levels\"")
        .contains("<svg id=\"trend\"")
        // a moved up from 0 to 1; Web's name is text, not markup
        .containsPattern(
            "<td>Checkout</td><td>Org " + id + " / Payments</td><td class=\"num up\">0 → 1</td>")
        .contains("Web &lt;em&gt;&amp;&lt;/em&gt;")
        .doesNotContain("<em>")
        .contains("slo.error-budget-policy")
        // the campaign over Payments, as of the quarter's end: Checkout and =SUM(1) not there yet
        .containsPattern(
            "<td>Payments owns its SLOs</td><td>slos at level 2 or above</td>.*<td class=\"num\">0 of 2</td>")
        .doesNotContain("<script")
        .doesNotContainPattern("(src|href)=");
    ResponseEntity<String> unknown =
        http.getForEntity("/api/v1/groups/nobody-" + id + "/report?quarter=2017-Q2", String.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
  }

  /**
   * Opens the report in a real headless Chromium (Debian's), from a file as a reader would save it:
   * it renders its charts, loads nothing (its own policy would log a refusal) and logs no error.
   * The screenshot lands in target/report/, from where README's picture was taken.
   */
  @Test
  void theQuarterlyReportRendersInARealBrowser() throws Exception {
    java.nio.file.Path chromium = java.nio.file.Path.of("/usr/bin/chromium");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isExecutable(chromium),
        "Chromium is not installed (Debian: apt-get install chromium); the report is not opened"
            + " in a browser");
    java.nio.file.Path dir = java.nio.file.Path.of("target/report").toAbsolutePath();
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Path page = dir.resolve("quarterly-report.html");
    java.nio.file.Path png = dir.resolve("quarterly-report.png");
    java.nio.file.Files.deleteIfExists(png);
    java.nio.file.Files.writeString(
        page, http.getForObject("/api/v1/groups/" + r + "/report?quarter=2017-Q2", String.class));

    Browser dom = Browser.run(chromium, dir, "--dump-dom", page.toUri().toString());
    Browser shot =
        Browser.run(
            chromium,
            dir,
            "--screenshot=" + png,
            "--window-size=1100,2150",
            "--hide-scrollbars",
            page.toUri().toString());

    assertThat(dom.exit()).as(dom.errors()).isZero();
    assertThat(dom.output()).contains("<svg id=\"levels\"").contains("<rect").contains("<polyline");
    assertThat(dom.errors()).doesNotContain("Refused to").doesNotContain("Uncaught");
    assertThat(shot.exit()).as(shot.errors()).isZero();
    assertThat(java.nio.file.Files.size(png)).isGreaterThan(10_000);
  }

  /** One headless Chromium run, as this machine's probe starts it, with its output and log. */
  private record Browser(int exit, String output, String errors) {
    static Browser run(java.nio.file.Path chromium, java.nio.file.Path dir, String... arguments)
        throws Exception {
      java.nio.file.Path profile = java.nio.file.Files.createTempDirectory(dir, "profile");
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  chromium.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--enable-logging=stderr",
                  "--v=0",
                  "--user-data-dir=" + profile));
      command.addAll(List.of(arguments));
      java.nio.file.Path out = dir.resolve("chromium.out");
      java.nio.file.Path err = dir.resolve("chromium.err");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("Chromium did not finish within 60 s: " + command);
      }
      return new Browser(
          process.exitValue(),
          java.nio.file.Files.readString(out),
          java.nio.file.Files.readString(err));
    }
  }

  @Test
  void anExemptedCriterionPassesVisiblyAndRollupsCountTheTeamsItHolds() {
    JsonNode row = get("/api/v1/teams?quarter=2017-Q2&group=" + x).at("/teams/0");
    JsonNode rollup = get("/api/v1/groups/" + x + "/rollup?quarter=2017-Q2");
    JsonNode explanation = get("/api/v1/teams/" + e + "/maturity/explanation?quarter=2017-Q2");
    JsonNode measured = null;
    for (JsonNode criterion : explanation.at("/current/practices/toil/criteria")) {
      if (criterion.path("id").asText().equals("toil.measured")) {
        measured = criterion;
      }
    }

    assertThat(row.path("overallLevel").asInt()).isEqualTo(1);
    assertThat(row.path("byExemption").asBoolean()).isTrue();
    assertThat(rollup.at("/teamsPerLevel/1").asInt()).isEqualTo(1);
    assertThat(rollup.at("/teamsPerLevelByExemption/1").asInt()).isEqualTo(1);
    assertThat(measured).as(explanation.toString()).isNotNull();
    assertThat(measured.path("passed").asBoolean()).isTrue();
    assertThat(measured.at("/exemption/reason").asText())
        .isEqualTo("The team is being formed; toil is measured from Q3");
    assertThat(measured.at("/exemption/expiresAt").asText()).isEqualTo("2017-07-01T00:00:00Z");
    assertThat(measured.path("evidence").toString()).contains("ex-" + e);
    JsonNode change = null;
    for (JsonNode c : explanation.path("criteriaChanges")) {
      if (c.path("criterion").asText().equals("toil.measured")) {
        change = c;
      }
    }
    assertThat(change).as(explanation.path("criteriaChanges").toString()).isNotNull();
    assertThat(change.path("byExemptionBefore").asBoolean()).isFalse();
    assertThat(change.path("byExemptionNow").asBoolean()).isTrue();
    // after it expired, with no event, the criterion is judged again
    JsonNode q3 = get("/api/v1/teams/" + e + "/maturity?quarter=2017-Q3");
    assertThat(q3.path("overallLevel").asInt()).isZero();
  }

  @Test
  void aTeamPlacedInAGroupBeforeTheGroupWasDefinedCountsInItAndAboveIt() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        get("/api/v1/groups/" + x + "/rollup?quarter=2017-Q2")
                            .path("teams")
                            .asInt())
                    .isEqualTo(2));
    JsonNode inY = get("/api/v1/teams?quarter=2017-Q2&group=" + y);

    assertThat(teamIds(inY)).containsExactly(f);
    assertThat(inY.at("/teams/0/groupPath").toString())
        .isEqualTo("[\"Exempted " + id + "\",\"Late " + id + "\"]");
    assertThat(teamIds(get("/api/v1/teams?quarter=2017-Q2&group=" + x))).containsExactly(e, f);
    JsonNode rollup = get("/api/v1/groups/" + y + "/rollup?quarter=2017-Q2");
    assertThat(rollup.path("groupName").asText()).isEqualTo("Late " + id);
    assertThat(rollup.path("teams").asInt()).isEqualTo(1);
  }

  private void levelOneButToil(TestTopic topic, String team) {
    topic.publish(
        new ServiceRegistered("svc-" + team, team, "api-" + team, "API", 2, at("2017-01-05")));
    topic.publish(
        new SloDefined(
            "slo-" + team,
            team,
            "avail-" + team,
            "api-" + team,
            SliKind.AVAILABILITY,
            new BigDecimal("99.5"),
            30,
            false,
            false,
            at("2017-04-05")));
    topic.publish(
        new IncidentRecorded(
            "inc-" + team,
            team,
            "INC-" + team,
            Severity.SEV3,
            at("2017-04-20"),
            at("2017-04-21"),
            at("2017-04-21")));
    topic.publish(
        new PostmortemPublished(
            "pm-" + team,
            team,
            "PM-" + team,
            "INC-" + team,
            false,
            List.of(),
            List.of(),
            at("2017-04-22")));
    topic.publish(
        new RunbookPublished(
            "rb-" + team,
            team,
            "rb-" + team,
            "api-" + team,
            List.of("Down"),
            false,
            at("2017-05-02")));
  }

  private void assertInvalid(String path, String field) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(422);
    JsonNode problem = read(response.getBody());
    assertThat(problem.path("reason").asText()).as(path).isEqualTo("invalid-filter");
    assertThat(problem.path("field").asText()).as(path).isEqualTo(field);
  }

  private static JsonNode row(JsonNode map, String groupId) {
    for (JsonNode row : map.path("rows")) {
      if (row.path("groupId").asText().equals(groupId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + groupId + " in " + map);
  }

  private static List<String> teamIds(JsonNode page) {
    return StreamSupport.stream(page.path("teams").spliterator(), false)
        .map(t -> t.path("teamId").asText())
        .toList();
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

  private String teamToken(String teamId) {
    ApiTokens.Issued issued = ApiTokens.issue();
    mongoClient
        .getDatabase("plumbline")
        .getCollection("api_tokens")
        .insertOne(
            new Document("_id", issued.id())
                .append("name", "ci")
                .append("scope", "TEAM")
                .append("teamId", teamId)
                .append("secretHash", issued.secretHash())
                .append("createdAt", new Date())
                .append("revokedAt", null));
    return issued.token();
  }

  private ResponseEntity<String> asTeam(String token, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return new TestRestTemplate()
        .exchange(
            "http://127.0.0.1:" + port + path,
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class);
  }

  private static ToilMeasured toil(String eventId, String team, String day, String sharePercent) {
    Instant start = at(day);
    return new ToilMeasured(
        eventId,
        team,
        start,
        start.plus(Duration.ofDays(7)),
        new BigDecimal(sharePercent),
        BigDecimal.valueOf(100),
        start.plus(Duration.ofDays(7)));
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }
}
