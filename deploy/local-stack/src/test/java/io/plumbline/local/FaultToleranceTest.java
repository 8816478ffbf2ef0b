package io.plumbline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Faults under ingest: the broker stops, the query service is killed, the database restarts, a
 * whole topic is redelivered. After each, every accepted event is in the read models exactly once:
 * the facts count equals the event store's count.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

  @TempDir static Path dataDir;
  private static LocalStack stack;
  private static PlumblineClient client;
  private static final AtomicInteger sequence = new AtomicInteger();

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

  /** Submits a batch of toil measurements; returns how many were accepted. */
  private static int ingestBatch(int size) {
    StringBuilder events = new StringBuilder("{\"events\":[");
    for (int i = 0; i < size; i++) {
      int n = sequence.incrementAndGet();
      events
          .append(i == 0 ? "" : ",")
          .append(
              ("{\"type\":\"ToilMeasured\",\"eventId\":\"fault-%d\",\"teamId\":\"faults\","
                      + "\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\","
                      + "\"toilHours\":%d,\"opsHours\":100,\"occurredAt\":\"%s\"}")
                  .formatted(n, n % 100, MaturityFlow.NOW));
    }
    PlumblineClient.Answer answer = client.submitBatch(events.append("]}").toString());
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body().path("accepted").asInt();
  }

  private static void awaitExactlyOnce() {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(stack.projectedEvents()).isEqualTo(stack.storedEvents()));
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

    awaitExactlyOnce();
  }

  @Test
  @Order(2)
  void theQueryServiceIsKilledMidStreamAndCatchesUp() {
    ingestBatch(100);
    stack.stopService("query-service", true);
    ingestBatch(100);
    stack.startService("query-service");
    ingestBatch(50);

    awaitExactlyOnce();
  }

  @Test
  @Order(3)
  void whileTheDatabaseIsDownTheApiAnswers503AndNothingIsLostAfterItReturns() {
    ingestBatch(50);
    long stored = stack.storedEvents();
    stack.stopDatabase();
    try {
      PlumblineClient.Answer refused =
          client.submit(
              ("{\"type\":\"ToilMeasured\",\"eventId\":\"during-outage\",\"teamId\":\"faults\","
                      + "\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\","
                      + "\"toilHours\":1,\"opsHours\":100,\"occurredAt\":\"%s\"}")
                  .formatted(MaturityFlow.NOW));
      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
      assertThat(refused.body().path("reason").asText()).isEqualTo("event-store-unavailable");
    } finally {
      stack.startDatabase();
    }
    assertThat(stack.storedEvents()).isEqualTo(stored);
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> ingestBatch(20) == 20);

    awaitExactlyOnce();
  }

  @Test
  @Order(4)
  void aWholeTopicRedeliveredFromOffsetZeroChangesNothing() throws Exception {
    awaitExactlyOnce();
    long facts = stack.projectedEvents();
    stack.stopService("query-service", false);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin.deleteConsumerGroups(List.of("plumbline-query")).all().get();
    }
    stack.startService("query-service");

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> client.queryMetric("plumbline_events_duplicates_total") >= facts);
    assertThat(stack.projectedEvents()).isEqualTo(facts);
    awaitExactlyOnce();
  }
}
