package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumbline.embedded.FreePorts;
import io.plumbline.local.LocalStack;
import io.plumbline.local.LocalStackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scrapes a fleet of two replicas of each service, on one
 * embedded broker and database, while a sample org is loaded: every PromQL expression of every
 * dashboard panel and alert rule is evaluated through its HTTP API (none may fail, each must return
 * data), and the org's figures summed over the fleet count every team once, also after the replica
 * that exported them died. promtool checks the deploy files. Runs where {@code prometheus} and
 * {@code promtool} are installed; skipped, with the reason, elsewhere.
 */
@EnabledIf(
    value = "prometheusInstalled",
    disabledReason =
        "prometheus and promtool are not installed (apt-get install prometheus) — the dashboards'"
            + " queries are then only checked structurally by DeployFilesTest")
class PrometheusQueriesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()).build();
  private static final Path DEPLOY = Path.of(System.getProperty("plumbline.deployDir", "deploy"));

  @TempDir static Path dir;
  private static LocalStack stack;
  private static LocalStack replica;
  private static Process prometheus;
  private static String prometheusUrl;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * A metrics-only token, created as the README says, in a file for Prometheus: the query service's
   * metrics name teams and groups and are not open.
   */
  private static Path scrapeToken() throws IOException {
    PlumblineClient.Answer created =
        new PlumblineClient(stack)
            .postCommand("/api/v1/admin/tokens", "{\"name\":\"prometheus\",\"scope\":\"METRICS\"}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    Path file = dir.resolve("metrics-token");
    Files.writeString(file, created.body().path("token").asText());
    return file.toAbsolutePath();
  }

  static boolean prometheusInstalled() {
    boolean installed =
        Stream.of("prometheus", "promtool")
            .allMatch(
                tool ->
                    Stream.of(System.getenv("PATH").split(":"))
                        .anyMatch(p -> Files.isExecutable(Path.of(p, tool))));
    if (!installed) {
      System.out.println(
          "SKIPPED PrometheusQueriesTest: prometheus/promtool not installed (apt-get install prometheus)");
    }
    return installed;
  }

  private static final List<String> FAST_METRICS =
      List.of(
          "--plumbline.metrics.refresh-interval=2s",
          "--plumbline.metrics.campaign-refresh-interval=2s",
          "--plumbline.metrics.lease-ttl=6s",
          "--plumbline.rollups.quiet=500ms");

  private static LocalStackConfig withFastMetrics(LocalStackConfig d) {
    return new LocalStackConfig(
        d.dataDir(),
        d.durability(),
        d.mongoPort(),
        d.kafkaPort(),
        d.controllerPort(),
        d.commandPort(),
        d.queryPort(),
        d.commandServiceJar(),
        d.queryServiceJar(),
        d.serviceJvmOptions(),
        FAST_METRICS);
  }

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(withFastMetrics(TestStacks.config(dir.resolve("stack"))));
    replica =
        LocalStack.startAgainst(
            withFastMetrics(TestStacks.config(dir.resolve("replica"))),
            stack.mongoUrl(),
            stack.kafkaBootstrapServers());
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 2s
          evaluation_interval: 2s
        rule_files:
          - %s
        scrape_configs:
          - job_name: plumbline-command-service
            metrics_path: /actuator/prometheus
            static_configs: [{targets: ["127.0.0.1:%d", "127.0.0.1:%d"]}]
          - job_name: plumbline-query-service
            metrics_path: /actuator/prometheus
            authorization: {type: Bearer, credentials_file: %s}
            static_configs: [{targets: ["127.0.0.1:%d", "127.0.0.1:%d"]}]
        """
            .formatted(
                DEPLOY.resolve("prometheus/rules/plumbline.rules.yml").toAbsolutePath(),
                stack.config().commandPort(),
                replica.config().commandPort(),
                scrapeToken(),
                stack.config().queryPort(),
                replica.config().queryPort()));
    assertThat(run("promtool", "check", "config", config.toString())).isZero();
    int port = FreePorts.next();
    prometheusUrl = "http://127.0.0.1:" + port;
    prometheus =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> result("sum(up)").path(0).at("/value/1").asText("0").equals("4"));
    loadTheSampleOrg();
  }

  /** The sample org through the CI client, and a campaign for the campaign dashboard. */
  private static void loadTheSampleOrg() throws Exception {
    String token = stack.adminToken();
    CiClient.Run loaded =
        new CiClient(stack.commandUrl(), token, "checkout")
            .run("batch", DEPLOY.resolve("sample/sample-org.json").toString());
    assertThat(loaded.exitCode()).as(loaded.output()).isEqualTo(5); // two refusals on purpose
    HttpResponse<String> campaign =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/api/v1/admin/campaigns/slos-2"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"SLOs at 2\",\"practice\":\"slos\",\"level\":2,"
                            + "\"deadline\":\"2099-01-01T00:00:00Z\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor(20, TimeUnit.SECONDS);
    }
    if (replica != null) {
      replica.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theDeployFilesPassPromtool() throws Exception {
    assertThat(
            run(
                "promtool",
                "check",
                "config",
                // the metrics token file it names exists inside the compose container only
                "--syntax-only",
                DEPLOY.resolve("prometheus/prometheus.yml").toString()))
        .isZero();
    assertThat(
            run(
                "promtool",
                "check",
                "rules",
                DEPLOY.resolve("prometheus/rules/plumbline.rules.yml").toString()))
        .isZero();
  }

  @Test
  void everyDashboardAndAlertQueryReturnsDataFromARealScrape() throws Exception {
    Map<String, String> queries = queries();
    assertThat(queries).hasSizeGreaterThan(15);
    Map<String, String> failures = new LinkedHashMap<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              failures.clear();
              for (Map.Entry<String, String> query : queries.entrySet()) {
                String problem = check(query.getValue());
                if (problem != null) {
                  failures.put(query.getKey(), problem);
                }
              }
              return failures.isEmpty();
            });
    assertThat(failures).isEmpty();
  }

  @Test
  void aFleetExportsEveryTeamOnceAndHandsTheExportOverWhenItsExporterDies() throws Exception {
    awaitEachTeamCountedOnce(stack);
    String exporter = value("sum by (instance) (plumbline_metrics_exporter == 1)", "instance");
    LocalStack holder = exporter.endsWith(":" + stack.config().queryPort()) ? stack : replica;

    holder.stopService("query-service", true);
    try {
      awaitEachTeamCountedOnce(holder == stack ? replica : stack);
      assertThat(value("sum by (instance) (plumbline_team_info)", "instance"))
          .as("exported by the replica still running")
          .isNotEqualTo(exporter);
    } finally {
      holder.startService("query-service");
    }
  }

  /**
   * The org's teams per level, summed over the fleet, are its active teams as the read API lists
   * them; one score and one info series per team.
   */
  private static void awaitEachTeamCountedOnce(LocalStack reader) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              int teams = activeTeams(reader);
              assertThat(teams).as("the sample org's active teams").isGreaterThan(3);
              assertThat(number("sum(plumbline_group_teams{group=\"org\"})"))
                  .as("the org's teams at every level, summed over the fleet")
                  .isEqualTo(teams);
              assertThat(number("count(plumbline_team_score)")).isEqualTo(teams);
              assertThat(number("count(count by (team) (plumbline_team_info))")).isEqualTo(teams);
              assertThat(number("sum(plumbline_metrics_exporter)")).isEqualTo(1);
              assertThat(number("count(plumbline_campaign_teams)"))
                  .as("the one campaign's four states, once")
                  .isEqualTo(4);
            });
  }

  /** The active teams of the current quarter, as the read API counts them. */
  private static int activeTeams(LocalStack reader) throws Exception {
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(reader.queryUrl() + "/api/v1/teams?limit=1"))
                .header("Authorization", "Bearer " + reader.adminToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return JSON.readTree(page.body()).path("total").asInt();
  }

  private static int number(String expr) throws Exception {
    JsonNode result = result(expr);
    return result.isEmpty() ? -1 : (int) Double.parseDouble(result.path(0).at("/value/1").asText());
  }

  private static String value(String expr, String label) throws Exception {
    return result(expr).path(0).path("metric").path(label).asText();
  }

  /** Every expression, named by where it comes from. Alerts contribute their query annotation. */
  private static Map<String, String> queries() throws IOException {
    Map<String, String> queries = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
      for (Path file : files.sorted().toList()) {
        JsonNode dashboard = JSON.readTree(file.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
          for (JsonNode target : panel.path("targets")) {
            queries.put(
                file.getFileName()
                    + " / "
                    + panel.path("title").asText()
                    + " / "
                    + target.path("refId").asText(),
                target.path("expr").asText().replace("$team", "checkout").replace("$group", ".*"));
          }
        }
      }
    }
    JsonNode rules = YAML.readTree(DEPLOY.resolve("prometheus/rules/plumbline.rules.yml").toFile());
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        queries.put(
            "rule " + rule.path("alert").asText() + " / query",
            rule.at("/annotations/query").asText());
      }
    }
    return queries;
  }

  /**
   * Null when the expression evaluates and returns data; otherwise what went wrong. A movers table
   * ({@code changes(…) > 0}) may be empty: no team's level need have changed.
   */
  private static String check(String expr) {
    try {
      JsonNode answer = query(expr);
      if (!"success".equals(answer.path("status").asText())) {
        return answer.path("error").asText("failed");
      }
      JsonNode result = answer.at("/data/result");
      if (result.isArray() && result.isEmpty() && !expr.contains("changes(")) {
        return "empty result";
      }
      return null;
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static JsonNode result(String expr) throws Exception {
    return query(expr).at("/data/result");
  }

  private static JsonNode query(String expr) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        prometheusUrl
                            + "/api/v1/query?query="
                            + URLEncoder.encode(expr, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      System.out.println(String.join(" ", command) + " failed:\n" + output);
    }
    return exit;
  }
}
