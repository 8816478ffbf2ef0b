package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.local.EventCounts;
import io.plumbline.local.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults under ingest: the broker stops, the query service is killed, the command service is killed
 * mid-batch, the database goes away, a team receives one commit of a thousand events, the whole
 * topic is redelivered. After each, by identity: exactly the ids acknowledged to the client are in
 * the event store and in the read models, each once, and on the topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

  @TempDir static Path dataDir;
  private static LocalStack stack;
  private static PlumblineClient client;
  private static final AtomicInteger sequence = new AtomicInteger();
  private static final EventIdentities ids = new EventIdentities(id -> id.startsWith("fault-"));

  @BeforeAll
  static void start() {
    stack = LocalStack.start(TestStacks.config(dataDir));
    client = new PlumblineClient(stack);
    MaturityFlow.registerTeamWithTier1Service(client, "faults");
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static String toil(String team) {
    int n = sequence.incrementAndGet();
    return ("{\"type\":\"ToilMeasured\",\"eventId\":\"fault-%d\",\"teamId\":\"%s\","
            + "\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\","
            + "\"toilHours\":%d,\"opsHours\":100,\"occurredAt\":\"%s\"}")
        .formatted(n, team, n % 100, MaturityFlow.NOW);
  }

  /**
   * Submits a batch of toil measurements as the CI client does: an unanswered or 5xx batch is sent
   * again, whole, until it is answered. Returns how many were accepted (not duplicates).
   */
  private static int ingestBatch(int size) {
    return ingestBatch("faults", size);
  }

  private static int ingestBatch(String team, int size) {
    StringBuilder events = new StringBuilder("{\"events\":[");
    for (int i = 0; i < size; i++) {
      events.append(i == 0 ? "" : ",").append(toil(team));
    }
    return submitUntilAnswered(events.append("]}").toString());
  }

  private static int submitUntilAnswered(String batch) {
    int accepted = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        PlumblineClient.Answer answer = client.submitBatch(batch);
        if (answer.status() == 200) {
          return accepted + ids.record(answer.body());
        }
        assertThat(answer.status()).as(answer.body().toString()).isGreaterThanOrEqualTo(500);
      } catch (IllegalStateException unreachable) {
        // connection refused or cut: the outcome is unknown, so the whole batch goes again
      }
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError("the batch was not answered within 120 s");
  }

  private static void assertExactlyOnce() {
    ids.assertExactlyOnceEverywhere(stack.mongoUrl(), stack.kafkaBootstrapServers());
  }

  @Test
  @Order(1)
  void theBrokerStopsDuringIngestAndNothingIsLost() {
    ingestBatch(50);
    stack.embeddedKafka().stop();
    try {
      assertThat(ingestBatch(50)).isEqualTo(50);
    } finally {
      stack.embeddedKafka().start();
    }
    ingestBatch(50);

    assertExactlyOnce();
  }

  @Test
  @Order(2)
  void theQueryServiceIsKilledMidStreamAndCatchesUp() {
    ingestBatch(100);
    stack.stopService("query-service", true);
    ingestBatch(100);
    stack.startService("query-service");
    ingestBatch(50);

    assertExactlyOnce();
  }

  @Test
  @Order(3)
  void theQueryServiceKilledDuringARubricReplayFinishesItAfterARestart() {
    String text = client.get("/api/v1/admin/rubric").body().path("text").asText();
    String strict =
        text.replaceFirst("version: \\S+", "version: faults-strict-1")
            .replace("ownedMaxShare: 0.5", "ownedMaxShare: 0.3");
    PlumblineClient.Answer replay = client.send("PUT", "/api/v1/admin/rubric", strict);
    assertThat(replay.status()).as(replay.body().toString()).isEqualTo(202);
    assertThat(replay.body().path("pendingTeams").asLong()).as("a replay under way").isPositive();

    stack.stopService("query-service", true);
    stack.startService("query-service");

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              PlumblineClient.Answer progress = client.get("/api/v1/admin/rubric/replay");
              assertThat(progress.body().path("version").asText()).isEqualTo("faults-strict-1");
              assertThat(progress.body().path("done").asBoolean()).isTrue();
              assertThat(client.get("/api/v1/org/rollup").body().path("rubricVersion").asText())
                  .isEqualTo("faults-strict-1");
            });
    assertExactlyOnce();
  }

  @Test
  @Order(4)
  void theCommandServiceIsKilledMidBatchAndTheRetriedBatchLosesNothingAndDuplicatesNothing()
      throws Exception {
    MaturityFlow.registerTeamWithTier1Service(client, "faults-b");
    int firstOfBatch = sequence.get() + 1;
    StringBuilder events = new StringBuilder("{\"events\":[");
    for (int i = 0; i < 1000; i++) {
      // alternating teams: a thousand commits, so that the kill lands among them
      events.append(i == 0 ? "" : ",").append(toil(i % 2 == 0 ? "faults" : "faults-b"));
    }
    String batch = events.append("]}").toString();
    List<String> batchIds =
        java.util.stream.IntStream.range(firstOfBatch, firstOfBatch + 1000)
            .mapToObj(n -> "fault-" + n)
            .toList();
    CompletableFuture<PlumblineClient.Answer> first =
        CompletableFuture.supplyAsync(() -> client.submitBatch(batch));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> EventIdentities.stored(stack.mongoUrl()).contains(batchIds.get(0)));
    stack.stopService("command-service", true);
    long storedBeforeRetry =
        EventIdentities.stored(stack.mongoUrl()).stream().filter(batchIds::contains).count();
    assertThat(storedBeforeRetry).as("the kill landed mid-batch").isBetween(1L, 999L);
    assertThat(first).failsWithin(Duration.ofSeconds(30));
    stack.startService("command-service");

    submitUntilAnswered(batch);
    assertExactlyOnce();
  }

  @Test
  @Order(5)
  void whileTheDatabaseIsDownTheApiAnswers503AndNothingIsLostAfterItReturns() {
    ingestBatch(50);
    List<String> stored = EventIdentities.stored(stack.mongoUrl());
    stack.stopDatabase();
    try {
      String event = toil("faults");
      PlumblineClient.Answer refused = client.submit(event);
      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
      assertThat(refused.body().path("reason").asText()).isEqualTo("event-store-unavailable");
    } finally {
      stack.startDatabase();
    }
    assertThat(EventIdentities.stored(stack.mongoUrl()))
        .containsExactlyInAnyOrderElementsOf(stored);
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> ingestBatch(20) == 20);

    assertExactlyOnce();
  }

  @Test
  @Order(6)
  void aTeamThatReceivedAThousandEventsInOneCommitStaysWritableAfterARestart() {
    MaturityFlow.registerTeamWithTier1Service(client, "faults-big");
    assertThat(ingestBatch("faults-big", 1000)).isEqualTo(1000);
    stack.stopService("command-service", false);
    stack.startService("command-service");

    String next = toil("faults-big");
    PlumblineClient.Answer answer = client.submit(next);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
    ids.recordSingle(answer.body().path("eventId").asText(), answer);
    assertThat(ingestBatch("faults-big", 10)).isEqualTo(10);

    assertExactlyOnce();
  }

  @Test
  @Order(7)
  void aWholeTopicRedeliveredFromOffsetZeroChangesNothing() throws Exception {
    assertExactlyOnce();
    long facts = EventCounts.projected(stack);
    stack.stopService("query-service", false);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin.deleteConsumerGroups(List.of("plumbline-query")).all().get();
    }
    stack.startService("query-service");

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> client.queryMetric("plumbline_events_duplicates_total") >= facts);
    assertThat(EventCounts.projected(stack)).isEqualTo(facts);
    assertExactlyOnce();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
