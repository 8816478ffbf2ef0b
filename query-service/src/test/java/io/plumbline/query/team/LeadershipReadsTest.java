package io.plumbline.query.team;

import static io.plumbline.events.build.ExemptionGrantedBuilder.anExemptionGranted;
import static io.plumbline.events.build.GroupDefinedBuilder.aGroupDefined;
import static io.plumbline.events.build.IncidentRecordedBuilder.anIncidentRecorded;
import static io.plumbline.events.build.PostmortemPublishedBuilder.aPostmortemPublished;
import static io.plumbline.events.build.RunbookPublishedBuilder.aRunbookPublished;
import static io.plumbline.events.build.ServiceRegisteredBuilder.aServiceRegistered;
import static io.plumbline.events.build.SloDefinedBuilder.anSloDefined;
import static io.plumbline.events.build.TeamRegisteredBuilder.aTeamRegistered;
import static io.plumbline.events.build.TeamRetiredBuilder.aTeamRetired;
import static io.plumbline.events.build.ToilMeasuredBuilder.aToilMeasured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.postmortem.Severity;
import io.plumbline.events.runbook.RunbookPublished;
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
 * <p>The org: a root with the subgroups payments and web. In 2017-Q2, checkout (payments) reaches
 * level 1 in every practice (up from 0), frontend (web) has toil at level 2 and nothing else
 * (unchanged at 0), legacy (payments) retired in April (not listed), newcomer (payments, named like
 * a formula) was registered in May (new). Beside the orgGroup, the exempted group's migrations team
 * is exempted from measuring toil, and placed-early was placed in the late group before that group
 * was defined. The team ids sort in the order the listings are asserted in (by team id).
 */
@EmbeddedInfrastructureTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadershipReadsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired MongoClient mongoClient;

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String orgGroup = "org-" + id;
  private final String paymentsGroup = "payments-" + id;
  private final String webGroup = "web-" + id;
  private final String checkout = "checkout-" + id;
  private final String frontend = "frontend-" + id;
  private final String legacy = "legacy-" + id;
  private final String newcomer = "newcomer-" + id;
  private final String exemptedGroup = "exempted-" + id;
  private final String migrations = "migrations-" + id;
  private final String lateGroup = "late-" + id;
  private final String placedEarly = "placed-early-" + id;
  private TestRestTemplate http;

  @BeforeAll
  void history() {
    http = TestTopic.adminHttp(port);
    try (TestTopic topic = new TestTopic()) {
      topic.publish(group(orgGroup, "Org " + id, null));
      topic.publish(group(paymentsGroup, "Payments", orgGroup));
      topic.publish(group(webGroup, "Web <em>&</em>", orgGroup));
      topic.publish(team(checkout, "Checkout", paymentsGroup, "2017-01-02"));
      topic.publish(team(frontend, "Frontend", webGroup, "2017-01-02"));
      topic.publish(team(legacy, "Legacy", paymentsGroup, "2017-01-03"));
      topic.publish(aTeamRetired().withTeamId(legacy).withOccurredAt(at("2017-04-10")).build());
      topic.publish(team(newcomer, "=SUM(1)", paymentsGroup, "2017-05-01"));
      // checkout: toil measured in Q1 (level 1 ever after), then in Q2 an SLO, a postmortem, a
      // runbook
      topic.publish(service(checkout, 1));
      topic.publish(toil(checkout, "2017-02-01", "60"));
      topic.publish(slo(checkout, "99.9"));
      Instant incident = at("2017-04-20");
      topic.publish(incident(checkout, incident, incident.plusSeconds(3600)));
      topic.publish(postmortem(checkout));
      topic.publish(runbook(checkout, "HighLatency"));
      // frontend: toil at 40 % in Q2
      topic.publish(toil(frontend, "2017-05-01", "40"));
      // migrations, in a group of its own: level 1 in every practice but toil, never measured,
      // and exempted from measuring it
      topic.publish(group(exemptedGroup, "Exempted " + id, null));
      topic.publish(team(migrations, "Migrations", exemptedGroup, "2017-01-02"));
      levelOneButToil(topic, migrations);
      // placed-early was placed in the late group in February, the group itself defined (under
      // the exempted group) only in August: a backfill
      topic.publish(team(placedEarly, "Backfilled", lateGroup, "2017-02-01"));
      topic.publish(
          aGroupDefined()
              .withGroupId(lateGroup)
              .withName("Late " + id)
              .withParentGroupId(exemptedGroup)
              .withOccurredAt(at("2017-08-01"))
              .build());
      topic.publish(
          anExemptionGranted()
              .withEventId("ex-" + migrations)
              .withTeamId(migrations)
              .withCriterionId("toil.measured")
              .withReason("The team is being formed; toil is measured from Q3")
              .withExpiresAt(at("2017-07-01"))
              .withOccurredAt(at("2017-04-03"))
              .build());
    }
    HttpHeaders json = new HttpHeaders();
    json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    http.exchange(
        "/api/v1/admin/campaigns/payments-slos-" + id,
        HttpMethod.PUT,
        new HttpEntity<>(
            "{\"name\":\"Payments owns its SLOs\",\"groupId\":\""
                + paymentsGroup
                + "\",\"practice\":\"slos\",\"level\":2,\"deadline\":\"2099-01-01T00:00:00Z\"}",
            json),
        String.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode page = get("/api/v1/teams?quarter=2017-Q2&group=" + orgGroup);
              JsonNode trend = get("/api/v1/groups/" + orgGroup + "/trend?from=2017-Q1&to=2017-Q2");
              JsonNode exempted = get("/api/v1/teams?quarter=2017-Q2&group=" + exemptedGroup);
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
    JsonNode page = get("/api/v1/teams?quarter=2017-Q2&group=" + orgGroup);

    assertThat(teamIds(page)).containsExactly(checkout, frontend, newcomer);
    JsonNode checkoutRow = page.at("/teams/0");
    assertThat(checkoutRow.path("teamName").asText()).isEqualTo("Checkout");
    assertThat(checkoutRow.path("groupPath").toString())
        .isEqualTo("[\"Org " + id + "\",\"Payments\"]");
    assertThat(checkoutRow.path("overallLevel").asInt()).isEqualTo(1);
    assertThat(checkoutRow.path("score").decimalValue()).isEqualByComparingTo("20.0");
    assertThat(checkoutRow.path("previousOverallLevel").asInt()).isZero();
    assertThat(checkoutRow.path("movement").asText()).isEqualTo("up");
    assertThat(checkoutRow.path("serviceTiers").toString()).isEqualTo("[1]");
    // what stands between it and level 2 in SLOs: an error-budget policy
    assertThat(checkoutRow.path("nextSteps").toString()).contains("slo.error-budget-policy");
    JsonNode frontendRow = page.at("/teams/1");
    assertThat(frontendRow.path("movement").asText()).isEqualTo("unchanged");
    assertThat(frontendRow.at("/levels/toil").asInt()).isEqualTo(2);
    JsonNode newcomerRow = page.at("/teams/2");
    assertThat(newcomerRow.path("movement").asText()).isEqualTo("new");
    assertThat(newcomerRow.path("previousOverallLevel").isNull()).isTrue();
  }

  @Test
  void filtersNarrowTheListing() {
    String base = "/api/v1/teams?quarter=2017-Q2&group=" + orgGroup;

    assertThat(teamIds(get("/api/v1/teams?quarter=2017-Q2&group=" + paymentsGroup)))
        .containsExactly(checkout, newcomer);
    assertThat(teamIds(get(base + "&level=1"))).containsExactly(checkout);
    assertThat(teamIds(get(base + "&practice=toil&practiceLevel=2"))).containsExactly(frontend);
    assertThat(teamIds(get(base + "&tier=1"))).containsExactly(checkout);
    assertThat(teamIds(get(base + "&restated=false")))
        .containsExactly(checkout, frontend, newcomer);
    assertThat(teamIds(get(base + "&restated=true"))).isEmpty();
    assertThat(teamIds(get(base + "&sort=-score"))).containsExactly(checkout, frontend, newcomer);
    assertThat(teamIds(get(base + "&sort=score"))).containsExactly(newcomer, frontend, checkout);
    // a quarter earlier, legacy was still active and newcomer not yet registered
    assertThat(teamIds(get("/api/v1/teams?quarter=2017-Q1&group=" + orgGroup)))
        .containsExactly(checkout, frontend, legacy);
  }

  @Test
  void pagesFollowOnWhereThePreviousEnded() {
    String base = "/api/v1/teams?quarter=2017-Q2&group=" + orgGroup + "&sort=-score&limit=2";
    JsonNode first = get(base);
    JsonNode second = get(base + "&cursor=" + first.path("nextCursor").asText());

    assertThat(first.path("total").asInt()).isEqualTo(3);
    assertThat(teamIds(first)).containsExactly(checkout, frontend);
    assertThat(teamIds(second)).containsExactly(newcomer);
    assertThat(second.path("nextCursor").isNull()).isTrue();
  }

  @Test
  void theCsvHasTheSameRowsAndNoCellRunsAsAFormula() {
    String csv =
        http.getForObject("/api/v1/teams.csv?quarter=2017-Q2&group=" + orgGroup, String.class);
    List<String> lines = csv.lines().toList();

    assertThat(lines.get(0)).startsWith("quarter,teamId,teamName,groupId,groupPath,slos");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).contains(checkout, "Checkout", "Org " + id + " / Payments", ",up,");
    assertThat(lines.get(3)).contains("'=SUM(1)").doesNotContain(",=SUM(1)");
  }

  @Test
  void aTeamTokenListsItsOwnTeamOnlyAndCannotReadAnother() {
    String token = teamToken(frontend);

    ResponseEntity<String> own = asTeam(token, "/api/v1/teams?quarter=2017-Q2&group=" + orgGroup);
    ResponseEntity<String> other = asTeam(token, "/api/v1/teams/" + checkout + "/maturity");
    ResponseEntity<String> trend = asTeam(token, "/api/v1/org/trend");

    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(teamIds(read(own.getBody()))).containsExactly(frontend);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(trend.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void groupsAreATreeAsOfAnInstant() {
    JsonNode before = get("/api/v1/groups?asOf=2016-12-31T00:00:00Z");
    JsonNode after = get("/api/v1/groups?asOf=2017-06-01T00:00:00Z");

    assertThat(before.toString()).doesNotContain(orgGroup);
    JsonNode root = null;
    for (JsonNode group : after.path("groups")) {
      if (group.path("groupId").asText().equals(orgGroup)) {
        root = group;
      }
    }
    assertThat(root).isNotNull();
    assertThat(root.path("children").findValuesAsText("name"))
        .containsExactly("Payments", "Web <em>&</em>");
  }

  @Test
  void aGroupsTrendHasItsFiguresQuarterByQuarter() {
    JsonNode trend = get("/api/v1/groups/" + orgGroup + "/trend?from=2017-Q1&to=2017-Q2");
    String csv =
        http.getForObject(
            "/api/v1/groups/" + orgGroup + "/trend.csv?from=2017-Q1&to=2017-Q2", String.class);

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
    JsonNode payments = row(map, paymentsGroup);
    assertThat(payments.path("groupPath").asText()).isEqualTo("Org " + id + " / Payments");
    assertThat(payments.path("teams").asInt()).isEqualTo(2);
    assertThat(payments.path("slos").decimalValue()).isEqualByComparingTo("0.50");
    assertThat(row(map, orgGroup).path("toil").decimalValue()).isEqualByComparingTo("1.00");
    assertThat(csv).contains(paymentsGroup + ",\"Org " + id + " / Payments\",2,0.50");
  }

  @Test
  void aCsvIsUtf8EvenWhenTheClientAsksForAnotherCharset() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.set("Accept", "text/csv;charset=ISO-8859-1");
    var answer =
        http.exchange(
            "/api/v1/teams.csv?quarter=2017-Q2",
            org.springframework.http.HttpMethod.GET,
            new org.springframework.http.HttpEntity<>(headers),
            byte[].class);

    assertThat(answer.getHeaders().getFirst("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
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
            "/api/v1/teams/" + checkout + "/maturity?asOf=2999-01-01T00:00:00Z", String.class);
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
        http.getForEntity("/api/v1/groups/" + orgGroup + "/report?quarter=2017-Q2", String.class);
    String html = response.getBody();

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'");
    assertThat(html)
        .contains("<h1>Org " + id + " — 2017-Q2</h1>")
        .contains("<svg id=\"levels\"")
        .contains("<svg id=\"trend\"")
        // checkout moved up from 0 to 1; Web's name is text, not markup
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
        page,
        http.getForObject("/api/v1/groups/" + orgGroup + "/report?quarter=2017-Q2", String.class));

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
    JsonNode row = get("/api/v1/teams?quarter=2017-Q2&group=" + exemptedGroup).at("/teams/0");
    JsonNode rollup = get("/api/v1/groups/" + exemptedGroup + "/rollup?quarter=2017-Q2");
    JsonNode explanation =
        get("/api/v1/teams/" + migrations + "/maturity/explanation?quarter=2017-Q2");
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
    assertThat(measured.path("evidence").toString()).contains("ex-" + migrations);
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
    JsonNode q3 = get("/api/v1/teams/" + migrations + "/maturity?quarter=2017-Q3");
    assertThat(q3.path("overallLevel").asInt()).isZero();
  }

  @Test
  void aTeamPlacedInAGroupBeforeTheGroupWasDefinedCountsInItAndAboveIt() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        get("/api/v1/groups/" + exemptedGroup + "/rollup?quarter=2017-Q2")
                            .path("teams")
                            .asInt())
                    .isEqualTo(2));
    JsonNode inLateGroup = get("/api/v1/teams?quarter=2017-Q2&group=" + lateGroup);

    assertThat(teamIds(inLateGroup)).containsExactly(placedEarly);
    assertThat(inLateGroup.at("/teams/0/groupPath").toString())
        .isEqualTo("[\"Exempted " + id + "\",\"Late " + id + "\"]");
    assertThat(teamIds(get("/api/v1/teams?quarter=2017-Q2&group=" + exemptedGroup)))
        .containsExactly(migrations, placedEarly);
    JsonNode rollup = get("/api/v1/groups/" + lateGroup + "/rollup?quarter=2017-Q2");
    assertThat(rollup.path("groupName").asText()).isEqualTo("Late " + id);
    assertThat(rollup.path("teams").asInt()).isEqualTo(1);
  }

  private void levelOneButToil(TestTopic topic, String team) {
    topic.publish(service(team, 2));
    topic.publish(slo(team, "99.5"));
    topic.publish(incident(team, at("2017-04-20"), at("2017-04-21")));
    topic.publish(postmortem(team));
    topic.publish(runbook(team, "Down"));
  }

  private static GroupDefined group(String groupId, String name, String parentGroupId) {
    return aGroupDefined()
        .withGroupId(groupId)
        .withName(name)
        .withParentGroupId(parentGroupId)
        .withOccurredAt(at("2017-01-01"))
        .build();
  }

  private static TeamRegistered team(String teamId, String name, String groupId, String day) {
    return aTeamRegistered()
        .withTeamId(teamId)
        .withName(name)
        .withGroupId(groupId)
        .withOccurredAt(at(day))
        .build();
  }

  /** The team's api, registered in January at a tier. */
  private static ServiceRegistered service(String team, int tier) {
    return aServiceRegistered()
        .withTeamId(team)
        .withServiceId("api-" + team)
        .withTier(tier)
        .withOccurredAt(at("2017-01-05"))
        .build();
  }

  /** An availability SLO on the team's api from April, without an error-budget policy. */
  private static SloDefined slo(String team, String objectivePercent) {
    return anSloDefined()
        .withTeamId(team)
        .withSloId("avail-" + team)
        .withServiceId("api-" + team)
        .withObjectivePercent(new BigDecimal(objectivePercent))
        .withErrorBudgetPolicy(false)
        .withOccurredAt(at("2017-04-05"))
        .build();
  }

  /** A SEV3 incident of the team's, recorded as it was resolved. */
  private static IncidentRecorded incident(String team, Instant started, Instant resolved) {
    return anIncidentRecorded()
        .withTeamId(team)
        .withIncidentId("INC-" + team)
        .withSeverity(Severity.SEV3)
        .withStartedAt(started)
        .withResolvedAt(resolved)
        .withOccurredAt(resolved)
        .build();
  }

  /** The postmortem of the team's incident, not blameless and with no action items. */
  private static PostmortemPublished postmortem(String team) {
    return aPostmortemPublished()
        .withTeamId(team)
        .withPostmortemId("PM-" + team)
        .withIncidentId("INC-" + team)
        .withBlameless(false)
        .withOccurredAt(at("2017-04-22"))
        .build();
  }

  /** A manual runbook for one alert of the team's api. */
  private static RunbookPublished runbook(String team, String alert) {
    return aRunbookPublished()
        .withTeamId(team)
        .withRunbookId("rb-" + team)
        .withServiceId("api-" + team)
        .withCoveredAlerts(alert)
        .withOccurredAt(at("2017-05-02"))
        .build();
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

  /** A week of the team's toil from a day: the share of 100 operational hours spent on toil. */
  private static ToilMeasured toil(String team, String day, String sharePercent) {
    Instant start = at(day);
    return aToilMeasured()
        .withTeamId(team)
        .withPeriodStart(start)
        .withPeriodEnd(start.plus(Duration.ofDays(7)))
        .withToilHours(new BigDecimal(sharePercent))
        .withOpsHours(BigDecimal.valueOf(100))
        .withOccurredAt(start.plus(Duration.ofDays(7)))
        .build();
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }
}
