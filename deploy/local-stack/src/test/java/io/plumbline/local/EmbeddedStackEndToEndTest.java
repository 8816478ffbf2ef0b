package io.plumbline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    long stored = storedEvents();
    double projected = client.queryMetric("plumbline_events_projected_total");

    PlumblineClient.Answer answer =
        client.submit(MaturityFlow.sloWithPolicy("checkout", "100").replace("slo-", "bad-slo-"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("field").asText()).isEqualTo("objectivePercent");
    assertThat(storedEvents()).isEqualTo(stored);
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
    long stored = storedEvents();
    long facts = projectedFacts();

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
    assertThat(storedEvents()).isEqualTo(stored + 30);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(projectedFacts()).isEqualTo(facts + 30));
    assertThat(team.maturity("checkout").status()).isEqualTo(200);
    assertThat(team.maturity("payments").status()).isEqualTo(403);
    assertThat(
            team.submit(MaturityFlow.sloWithPolicy("payments", "99.1").replace("slo-", "x-"))
                .status())
        .isEqualTo(403);
  }

  @Test
  @Order(5)
  void aRestartKeepsEveryFigureAndProjectsNothingTwice() {
    long stored = storedEvents();
    stack.close();

    stack = LocalStack.start(config);
    client = new PlumblineClient(stack);

    JsonNode maturity =
        MaturityFlow.awaitMaturity(client, "checkout", Duration.ofSeconds(30), m -> true);
    assertThat(maturity.at("/practices/slos/level").asInt()).isEqualTo(2);
    assertThat(storedEvents()).isEqualTo(stored);
    assertThat(projectedFacts()).isEqualTo(stored);
    assertThat(client.queryMetric("plumbline_events_duplicates_total")).isZero();
  }

  private static long storedEvents() {
    try (MongoClient mongo = MongoClients.create(stack.mongoUrl())) {
      return mongo.getDatabase("plumbline").getCollection("domainevents").countDocuments();
    }
  }

  private static long projectedFacts() {
    try (MongoClient mongo = MongoClients.create(stack.mongoUrl())) {
      return mongo.getDatabase("plumbline-read").getCollection("facts").countDocuments();
    }
  }
}
