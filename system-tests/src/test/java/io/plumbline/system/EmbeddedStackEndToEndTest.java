package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.local.EventCounts;
import io.plumbline.local.LocalStack;
import io.plumbline.local.LocalStackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stack as the README starts it — in-process broker and database, both services as their
 * own processes — driven only through its HTTP APIs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedStackEndToEndTest {

  @TempDir static Path dataDir;
  private static LocalStackConfig config;
  private static LocalStack stack;
  private static PlumblineClient client;

  @BeforeAll
  static void start() {
    config = TestStacks.config(dataDir);
    stack = LocalStack.start(config);
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
  void aTeamWithAnSloAndAnErrorBudgetPolicyReadsAsSloLevel2() {
    Duration visibleAfter = MaturityFlow.teamWithSloPolicyReadsAsSloLevel2(client, "checkout");

    assertThat(visibleAfter).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  @Order(2)
  void aRejectedSubmissionStoresAndPublishesNothing() {
    long stored = EventCounts.stored(stack);
    double projected = client.queryMetric("plumbline_events_projected_total");

    PlumblineClient.Answer answer =
        client.submit(MaturityFlow.sloWithPolicy("checkout", "100").replace("slo-", "bad-slo-"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("field").asText()).isEqualTo("objectives[0].targetPercent");
    assertThat(EventCounts.stored(stack)).isEqualTo(stored);
    assertThat(client.queryMetric("plumbline_events_projected_total")).isEqualTo(projected);
  }

  @Test
  @Order(3)
  void whileKafkaIsDownSubmissionsAreStoredAndPublicationCatchesUpWhenItReturns() {
    MaturityFlow.registerTeamWithTier1Service(client, "payments");
    MaturityFlow.accepted(client, MaturityFlow.sloWithPolicy("payments", "99.5"));
    MaturityFlow.awaitMaturity(
        client,
        "payments",
        Duration.ofSeconds(30),
        m -> m.at("/practices/slos/level").asInt() == 2);

    stack.embeddedKafka().stop();
    try {
      MaturityFlow.accepted(
          client,
          """
          {"type":"SloReviewed","eventId":"review-payments","teamId":"payments",
           "sloId":"availability","occurredAt":"%s"}"""
              .formatted(MaturityFlow.NOW));
    } finally {
      stack.embeddedKafka().start();
    }

    JsonNode maturity =
        MaturityFlow.awaitMaturity(
            client,
            "payments",
            Duration.ofSeconds(120),
            m -> m.at("/practices/slos/criteria/4/passed").asBoolean());
    assertThat(maturity.at("/practices/slos/criteria/4/evidence/0").asText())
        .isEqualTo("review-payments");
  }

  @Test
  @Order(4)
  void aTeamTokenRetryingABatchTenTimesConcurrentlyIsCountedOnceEverywhere() throws Exception {
    PlumblineClient.Answer created =
        client.postCommand(
            "/api/v1/admin/tokens", "{\"name\":\"ci\",\"scope\":\"TEAM\",\"teamId\":\"checkout\"}");
    assertThat(created.status()).isEqualTo(201);
    PlumblineClient team = new PlumblineClient(stack, created.body().path("token").asText());
    StringBuilder events = new StringBuilder("{\"events\":[");
    for (int i = 0; i < 30; i++) {
      events
          .append(i == 0 ? "" : ",")
          .append(
              ("{\"type\":\"ToilMeasured\",\"eventId\":\"batch-toil-%d\",\"teamId\":\"checkout\","
                      + "\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\","
                      + "\"toilHours\":%d,\"opsHours\":100,\"occurredAt\":\"%s\"}")
                  .formatted(i, i, MaturityFlow.NOW));
    }
    String batch = events.append("]}").toString();
    long stored = EventCounts.stored(stack);
    long facts = EventCounts.projected(stack);

    var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
    var answers = new ArrayList<java.util.concurrent.Future<PlumblineClient.Answer>>();
    for (int i = 0; i < 10; i++) {
      answers.add(pool.submit(() -> team.submitBatch(batch)));
    }
    int accepted = 0;
    for (var answer : answers) {
      assertThat(answer.get().status()).isEqualTo(200);
      accepted += answer.get().body().path("accepted").asInt();
    }
    pool.shutdown();

    assertThat(accepted).isEqualTo(30);
    assertThat(EventCounts.stored(stack)).isEqualTo(stored + 30);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(EventCounts.projected(stack)).isEqualTo(facts + 30));
    assertThat(team.maturity("checkout").status()).isEqualTo(200);
    assertThat(team.maturity("payments").status()).isEqualTo(403);
    assertThat(
            team.submit(MaturityFlow.sloWithPolicy("payments", "99.1").replace("slo-", "x-"))
                .status())
        .isEqualTo(403);
  }

  @Test
  @Order(5)
  void theCiClientReconcilesOpenSloFilesAndReportsRefusalsByExitCode(@TempDir Path repo)
      throws Exception {
    PlumblineClient.Answer created =
        client.postCommand(
            "/api/v1/admin/tokens", "{\"name\":\"ci\",\"scope\":\"TEAM\",\"teamId\":\"checkout\"}");
    CiClient ci =
        new CiClient(stack.commandUrl(), created.body().path("token").asText(), "checkout");
    Path slos = Files.createDirectories(repo.resolve("slos"));
    Files.writeString(
        slos.resolve("availability.yaml"),
        openSlo("checkout-availability", "target: 0.999", "30d", "AVAILABILITY", true, false));
    Files.writeString(
        slos.resolve("latency.yml"),
        openSlo("checkout-latency", "targetPercent: 99", "4w", "LATENCY", false, true));
    Files.writeString(
        slos.resolve("service.yaml"),
        "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: api\n");

    CiClient.Run first = ci.run("openslo", repo.toString());
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output())
        .contains("\"defined\":[\"checkout-availability\",\"checkout-latency\"]");
    MaturityFlow.awaitMaturity(
        client,
        "checkout",
        Duration.ofSeconds(30),
        m -> m.at("/practices/slos/criteria/0/detail").asText().equals("3 active SLO(s)"));

    CiClient.Run again = ci.run("openslo", repo.toString());
    assertThat(again.output())
        .contains("\"unchanged\":[\"checkout-availability\",\"checkout-latency\"]");

    Files.writeString(
        slos.resolve("latency.yml"),
        openSlo("checkout-latency", "targetPercent: 99.5", "4w", "LATENCY", false, true));
    Files.delete(slos.resolve("availability.yaml"));
    CiClient.Run changed = ci.run("openslo", repo.toString());
    assertThat(changed.exitCode()).as(changed.output()).isZero();
    assertThat(changed.output())
        .contains(
            "\"redefined\":[\"checkout-latency\"]", "\"retired\":[\"checkout-availability\"]");
    MaturityFlow.awaitMaturity(
        client,
        "checkout",
        Duration.ofSeconds(30),
        m -> m.at("/practices/slos/criteria/0/detail").asText().equals("2 active SLO(s)"));

    Path bad = repo.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"type\":\"ToilMeasured\",\"eventId\":\"ci-bad\",\"teamId\":\"checkout\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":101,\"opsHours\":100,\"occurredAt\":\"2026-02-01T00:00:00Z\"}");
    CiClient.Run refused = ci.run("submit", bad.toString());
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.output()).contains("toil-exceeds-ops");
    Path batch = repo.resolve("batch.json");
    Files.writeString(
        batch,
        "["
            + Files.readString(bad)
            + ","
            + Files.readString(bad).replace("ci-bad", "ci-good").replace("101", "10")
            + "]");
    CiClient.Run partly = ci.run("batch", batch.toString());
    assertThat(partly.exitCode()).as(partly.output()).isEqualTo(5);
    assertThat(partly.output()).contains("\"accepted\":1");
  }

  @Test
  @Order(1)
  void theServicesListenOnTheLoopbackInterfaceOnly() throws Exception {
    Path table = Path.of("/proc/net/tcp");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isReadable(table), "no /proc/net/tcp here to read listening sockets from");
    List<String> listening = new java.util.ArrayList<>();
    for (Path file : List.of(table, Path.of("/proc/net/tcp6"))) {
      if (!Files.isReadable(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] columns = line.trim().split("\\s+");
        // state 0A is LISTEN; the local address is hex address:port
        if (columns[3].equals("0A")) {
          listening.add(columns[1]);
        }
      }
    }
    for (int port : List.of(stack.config().commandPort(), stack.config().queryPort())) {
      String hexPort = String.format(":%04X", port);
      List<String> addresses =
          listening.stream().filter(address -> address.endsWith(hexPort)).toList();
      assertThat(addresses).as("sockets on port %d", port).isNotEmpty();
      // 127.0.0.1 in /proc/net/tcp's byte order, or ::ffff:127.0.0.1 in tcp6
      assertThat(addresses)
          .as("port %d listens on loopback only", port)
          .allMatch(
              address ->
                  address.startsWith("0100007F:")
                      || address.startsWith("0000000000000000FFFF00000100007F:"));
    }
  }

  private static String openSlo(
      String name, String target, String window, String kind, boolean policy, boolean alerts) {
    return """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: %s
          annotations:
            plumbline.io/sli-kind: %s
            plumbline.io/error-budget-policy: "%s"
        spec:
          service: api
          budgetingMethod: Occurrences
          indicator:
            metadata: {name: %s-sli}
            spec: {thresholdMetric: {metricSource: {type: Prometheus, spec: {query: up}}}}
          timeWindow:
            - duration: %s
              isRolling: true
          objectives:
            - %s
        %s"""
        .formatted(
            name,
            kind,
            policy,
            name,
            window,
            target,
            alerts
                ? "  alertPolicies:\n    - kind: AlertPolicy\n      metadata: {name: fast-burn}\n"
                    + "      spec: {conditions: [{conditionRef: burn}],"
                    + " notificationTargets: [{targetRef: pager}]}\n"
                : "");
  }

  @Test
  @Order(5)
  void theCiClientReadsEveryLayoutAndAnUnreadableFileRetiresNothing(@TempDir Path repo)
      throws Exception {
    MaturityFlow.registerTeamWithTier1Service(client, "layouts");
    String token =
        client
            .postCommand(
                "/api/v1/admin/tokens",
                "{\"name\":\"layouts\",\"scope\":\"TEAM\",\"teamId\":\"layouts\"}")
            .body()
            .path("token")
            .asText();
    CiClient ci = new CiClient(stack.commandUrl(), token, "layouts");
    Path slos = Files.createDirectories(repo.resolve("slos"));
    CiClient.Run empty = ci.run("openslo", slos.toString());
    assertThat(empty.exitCode()).as(empty.output()).isEqualTo(2);
    assertThat(empty.output()).contains("nothing sent");

    Files.writeString(
        slos.resolve("availability.yaml"),
        openSlo("layouts-availability", "target: 0.999", "1M", "AVAILABILITY", true, true)
            .replace("isRolling: true", "isRolling: false"));
    CiClient.Run first = ci.run("openslo", slos.toString());
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("\"defined\":[\"layouts-availability\"]");

    // the layouts of the Go SDK, Nobl9 and sloth, a name with spaces and a file that cannot be read
    Files.writeString(
        Files.createDirectories(slos.resolve("from sdk")).resolve("web list.yaml"),
        """
        - apiVersion: openslo/v1
          kind: SLI
          metadata: {name: web-success}
          spec: {thresholdMetric: {metricSource: {type: Prometheus, spec: {query: up}}}}
        - apiVersion: openslo/v1
          kind: SLO
          metadata: {name: layouts-web}
          spec:
            service: api
            indicatorRef: web-success
            budgetingMethod: Occurrences
            objectives:
              - {displayName: fast, targetPercent: 99.9}
              - {displayName: most, targetPercent: 99}
        """);
    Files.writeString(
        slos.resolve("sloth.yml"),
        """
        apiVersion: openslo/v1alpha
        kind: SLO
        metadata: {name: layouts-alpha}
        spec:
          service: api
          budgetingMethod: Occurrences
          objectives:
            - ratioMetrics:
                good: {source: prometheus, queryType: promql, query: good}
                total: {source: prometheus, queryType: promql, query: total}
              target: 0.99
          timeWindows:
            - {count: 28, isRolling: true, unit: Day}
        """);
    Files.writeString(
        slos.resolve("broken.yaml"),
        "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: [oops\n");
    Files.writeString(slos.resolve("deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\n");

    CiClient.Run refused = ci.run("openslo", slos.toString());
    assertThat(refused.exitCode()).as(refused.output()).isEqualTo(3);
    assertThat(refused.output())
        .contains("invalid-openslo", "broken.yaml, document 1, line", "Not valid YAML");

    Files.delete(slos.resolve("broken.yaml"));
    Files.delete(slos.resolve("availability.yaml"));
    CiClient.Run plan = ci.run("openslo", "--dry-run", slos.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    // the refused run retired nothing: the SLO it no longer describes is still there to retire
    assertThat(plan.output())
        .contains(
            "\"stored\":false",
            "\"defined\":[\"layouts-web\",\"layouts-alpha\"]",
            "\"retired\":[\"layouts-availability\"]",
            "from sdk/web list.yaml");

    CiClient.Run applied = ci.run("openslo", slos.toString());
    assertThat(applied.exitCode()).as(applied.output()).isZero();
    assertThat(applied.output()).contains("\"stored\":true");
    MaturityFlow.awaitMaturity(
        client,
        "layouts",
        Duration.ofSeconds(30),
        m -> m.at("/practices/slos/criteria/0/detail").asText().equals("2 active SLO(s)"));

    // a retired SLO described again is defined anew
    Files.writeString(
        slos.resolve("availability.yaml"),
        openSlo("layouts-availability", "target: 0.999", "28d", "AVAILABILITY", true, true));
    CiClient.Run back = ci.run("openslo", slos.toString());
    assertThat(back.exitCode()).as(back.output()).isZero();
    assertThat(back.output()).contains("\"defined\":[\"layouts-availability\"]");
    MaturityFlow.awaitMaturity(
        client,
        "layouts",
        Duration.ofSeconds(30),
        m -> m.at("/practices/slos/criteria/0/detail").asText().equals("3 active SLO(s)"));
  }

  @Test
  @Order(6)
  void theExampleWorkflowRunsAsARunnerRunsItAndARerunAddsNothing(@TempDir Path workspace)
      throws Exception {
    MaturityFlow.registerTeamWithTier1Service(client, "wf");
    String token =
        client
            .postCommand(
                "/api/v1/admin/tokens", "{\"name\":\"wf CI\",\"scope\":\"TEAM\",\"teamId\":\"wf\"}")
            .body()
            .path("token")
            .asText();
    Files.writeString(
        Files.createDirectories(workspace.resolve("slos")).resolve("availability.yaml"),
        openSlo("wf-availability", "target: 0.999", "28d", "AVAILABILITY", true, true));
    ExampleWorkflow workflow = ExampleWorkflow.read(Path.of(System.getProperty("plumbline.ciDir")));

    List<ExampleWorkflow.StepRun> first =
        workflow.run(workspace, stack.commandUrl(), token, "wf", "1001");
    assertThat(first).allSatisfy(step -> assertThat(step.exitCode()).as(step.output()).isZero());
    assertThat(first).extracting(ExampleWorkflow.StepRun::name).hasSize(3);
    List<ExampleWorkflow.StepRun> rerun =
        workflow.run(workspace, stack.commandUrl(), token, "wf", "1002");
    assertThat(rerun).allSatisfy(step -> assertThat(step.exitCode()).as(step.output()).isZero());
    assertThat(rerun.get(2).output()).contains("DUPLICATE");

    MaturityFlow.awaitMaturity(
        client,
        "wf",
        Duration.ofSeconds(30),
        m ->
            m.at("/practices/slos/criteria/0/detail").asText().equals("1 active SLO(s)")
                && m.at("/practices/toil/level").asInt() >= 1);
    assertThat(
            EventIdentities.stored(stack.mongoUrl()).stream()
                .filter(id -> id.startsWith("toil-wf-")))
        .as("one measurement of last week, however often the workflow runs")
        .hasSize(1);
  }

  @Test
  @Order(7)
  void aRestartKeepsEveryFigureAndProjectsNothingTwice() {
    long stored = EventCounts.stored(stack);
    JsonNode before = client.maturity("checkout").body();
    stack.close();

    stack = LocalStack.start(config);
    client = new PlumblineClient(stack);

    JsonNode maturity =
        MaturityFlow.awaitMaturity(client, "checkout", Duration.ofSeconds(30), m -> true);
    assertThat(maturity.path("practices")).isEqualTo(before.path("practices"));
    assertThat(EventCounts.stored(stack)).isEqualTo(stored);
    assertThat(EventCounts.projected(stack)).isEqualTo(stored);
    assertThat(client.queryMetric("plumbline_events_duplicates_total")).isZero();
  }
}
