package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.local.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet as an org that outgrew one machine runs it: two command services and two query services
 * (child processes) over one broker and one database. CI batches are sent to one command service
 * and retried on the other — some after the answer, some while the original is still in flight — a
 * rubric is activated on one query replica mid-stream, and one replica of each service is SIGKILLed
 * and restarted, while a reader polls the org rollup on both query replicas.
 */
class FleetTest {

  private static final int TEAMS = 12;
  private static final int BATCHES = 4;
  private static final int BATCH = 30;
  private static final Instant FIRST_WEEK = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir static Path dataA;
  @TempDir static Path dataB;
  @TempDir static Path dataSingle;
  private static LocalStack a;
  private static LocalStack b;
  private static PlumblineClient onA;
  private static PlumblineClient onB;
  private static LocalStack single;
  private static PlumblineClient onSingle;

  private final EventIdentities ids = new EventIdentities(id -> id.startsWith("fleet-"));
  private final Map<String, AtomicInteger> acceptances = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final AtomicInteger crossed = new AtomicInteger();
  private final AtomicInteger failedOver = new AtomicInteger();
  private volatile long slowestMillis;

  @BeforeAll
  static void startFleet() throws Exception {
    // the single instance starts beside the fleet and is fed the same events as they are sent
    ExecutorService starting = Executors.newSingleThreadExecutor();
    Future<LocalStack> alone =
        starting.submit(() -> LocalStack.start(TestStacks.config(dataSingle)));
    a = LocalStack.start(TestStacks.config(dataA));
    b = LocalStack.startAgainst(TestStacks.config(dataB), a.mongoUrl(), a.kafkaBootstrapServers());
    onA = new PlumblineClient(a);
    onB = new PlumblineClient(b);
    single = alone.get(5, TimeUnit.MINUTES);
    onSingle = new PlumblineClient(single);
    starting.shutdown();
  }

  @AfterAll
  static void stopFleet() {
    if (single != null) {
      single.close();
    }
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void crossInstanceRetriesAKillAndARubricSwitchLeaveOneAgreeingFleet() throws Exception {
    List<String> teams = new ArrayList<>();
    for (int t = 0; t < TEAMS; t++) {
      String team = "fleet-team-" + t;
      MaturityFlow.registerTeamWithTier1Service(t % 2 == 0 ? onA : onB, team);
      MaturityFlow.registerTeamWithTier1Service(onSingle, team);
      teams.add(team);
    }
    AtomicBoolean polling = new AtomicBoolean(true);
    List<String> pollerSaw = new CopyOnWriteArrayList<>();
    Thread poller = new Thread(() -> poll(polling, pollerSaw), "rollup-poller");
    poller.setDaemon(true);
    poller.start();

    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int batch = 0; batch < BATCHES; batch++) {
      for (String team : teams) {
        int n = batch;
        work.add(clients.submit(() -> sendAndRetryElsewhere(team, n)));
      }
      if (batch == 1) {
        String text = onB.get("/api/v1/admin/rubric").body().path("text").asText();
        String strict =
            text.replaceFirst("version: \\S+", "version: fleet-strict-1")
                .replace("ownedMaxShare: 0.5", "ownedMaxShare: 0.3");
        PlumblineClient.Answer activated = onB.send("PUT", "/api/v1/admin/rubric", strict);
        assertThat(onSingle.send("PUT", "/api/v1/admin/rubric", strict).status()).isEqualTo(202);
        assertThat(activated.status()).as(activated.body().toString()).isEqualTo(202);
        b.stopService("command-service", true);
        b.stopService("query-service", true);
      }
      if (batch == 2) {
        b.startService("command-service");
        b.startService("query-service");
      }
    }
    for (Future<?> future : work) {
      future.get(5, TimeUnit.MINUTES);
    }
    clients.shutdown();

    System.out.printf(
        "fleet: %d batches each sent to both command services, slowest answer %d ms,"
            + " %d sends found an instance down and went to the other%n",
        crossed.get(), slowestMillis, failedOver.get());
    assertThat(problems).as("answers other than 200 or unreachable").isEmpty();
    assertThat(crossed.get()).as("retries that crossed to the other instance").isPositive();
    assertThat(slowestMillis).as("the slowest answer, in ms").isLessThan(15_000);
    // at most once: an answer lost with a killed instance leaves only duplicates to be seen
    assertThat(acceptances.values())
        .as("each event accepted by one instance at most, a duplicate everywhere else")
        .allSatisfy(count -> assertThat(count.get()).isLessThanOrEqualTo(1));
    assertThat(acceptances).hasSize(TEAMS * BATCHES * BATCH);
    assertThat(ids.acknowledged()).containsAll(acceptances.keySet());
    ids.assertExactlyOnceEverywhere(a.mongoUrl(), a.kafkaBootstrapServers());

    // a closed quarter the toil reports cover, read as of its end on both replicas
    String quarter = "2026-Q1";
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              for (PlumblineClient replica : List.of(onA, onB)) {
                JsonNode replay = replica.get("/api/v1/admin/rubric/replay").body();
                assertThat(replay.path("version").asText()).isEqualTo("fleet-strict-1");
                assertThat(replay.path("done").asBoolean()).isTrue();
                assertThat(replica.get("/api/v1/org/rollup").body().path("rubricVersion").asText())
                    .isEqualTo("fleet-strict-1");
              }
              for (String team : teams) {
                String path = "/api/v1/teams/" + team + "/maturity?quarter=" + quarter;
                JsonNode fromA = onA.get(path).body();
                JsonNode fromB = onB.get(path).body();
                assertThat(fromA.path("rubricVersion").asText()).isEqualTo("fleet-strict-1");
                assertThat(fromA.at("/practices/toil/criteria/1/detail").asText())
                    .as("the quarter's toil share is there to compare")
                    .contains("%");
                assertThat(fromB).as(team).isEqualTo(fromA);
              }
            });
    assertThat(onB.get("/api/v1/org/rollup").body())
        .isEqualTo(onA.get("/api/v1/org/rollup").body());
    polling.set(false);
    poller.join(5_000);
    assertThat(pollerSaw).as("a reader of the org rollup on either replica").isEmpty();

    aSingleInstanceOverTheSameEventsAgrees(teams, quarter);
  }

  /**
   * The same teams, the same rubric (activated at the same point) and each batch sent once to one
   * command and one query service of their own: every team's figures and the org's rollup equal the
   * fleet's.
   */
  private void aSingleInstanceOverTheSameEventsAgrees(List<String> teams, String quarter) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              for (String team : teams) {
                String path = "/api/v1/teams/" + team + "/maturity?quarter=" + quarter;
                assertThat(onSingle.get(path).body()).as(team).isEqualTo(onA.get(path).body());
              }
              JsonNode org = onSingle.get("/api/v1/org/rollup").body();
              assertThat(org.path("teams").asInt()).isEqualTo(TEAMS);
              assertThat(figures(org)).isEqualTo(figures(onA.get("/api/v1/org/rollup").body()));
            });
  }

  /** A rollup's figures, without when and under which activation they were computed. */
  private static JsonNode figures(JsonNode rollup) {
    ObjectNode copy = rollup.deepCopy();
    copy.remove(List.of("computedAt", "rubricGeneration"));
    return copy;
  }

  /**
   * One CI batch: sent to one command service and, for every other batch, to the other one at the
   * same time (a retry sent while the original is in flight); otherwise retried there after the
   * answer. An unreachable instance (killed) is tried again on the other, as a load balancer would.
   */
  private void sendAndRetryElsewhere(String team, int batch) {
    String body = batch(team, batch);
    PlumblineClient.Answer once = onSingle.submitBatch(body);
    if (once.status() != 200) {
      problems.add("single instance: " + once.status() + " " + once.body());
    }
    boolean fromA = (team.hashCode() + batch) % 2 == 0;
    PlumblineClient first = fromA ? onA : onB;
    PlumblineClient second = fromA ? onB : onA;
    if (batch % 2 == 0) {
      Thread parallel = new Thread(() -> submitUntilAnswered(second, first, body));
      parallel.start();
      submitUntilAnswered(first, second, body);
      try {
        parallel.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      submitUntilAnswered(first, second, body);
      submitUntilAnswered(second, first, body);
    }
    crossed.incrementAndGet();
  }

  private void submitUntilAnswered(PlumblineClient to, PlumblineClient otherwise, String body) {
    PlumblineClient target = to;
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      long started = System.nanoTime();
      try {
        PlumblineClient.Answer answer = target.submitBatch(body);
        slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
        if (answer.status() != 200) {
          problems.add(answer.status() + " " + answer.body());
          return;
        }
        ids.record(answer.body());
        for (JsonNode result : answer.body().path("results")) {
          String outcome = result.path("outcome").asText();
          AtomicInteger count =
              acceptances.computeIfAbsent(
                  result.path("eventId").asText(), id -> new AtomicInteger());
          if (outcome.equals("ACCEPTED")) {
            count.incrementAndGet();
          } else if (!outcome.equals("DUPLICATE")) {
            problems.add(result.toString());
          }
        }
        return;
      } catch (IllegalStateException unreachable) {
        // this instance was killed: the load balancer sends the batch to the other one
        target = target == to ? otherwise : to;
        failedOver.incrementAndGet();
        sleep(Duration.ofMillis(200));
      }
    }
    problems.add("a batch went unanswered for 180 s");
  }

  private static String batch(String team, int batch) {
    StringBuilder events = new StringBuilder("{\"events\":[");
    for (int i = 0; i < BATCH; i++) {
      int week = batch * BATCH + i;
      Instant start = FIRST_WEEK.plus(7L * week, ChronoUnit.DAYS);
      Instant end = start.plus(7, ChronoUnit.DAYS);
      events
          .append(i == 0 ? "" : ",")
          .append(
              ("{\"type\":\"ToilMeasured\",\"eventId\":\"fleet-%s-w%d\",\"teamId\":\"%s\","
                      + "\"periodStart\":\"%s\",\"periodEnd\":\"%s\",\"toilHours\":%d,"
                      + "\"opsHours\":40,\"occurredAt\":\"%s\"}")
                  .formatted(team, week, team, start, end, week % 30, end));
    }
    return events.append("]}").toString();
  }

  /** Reads the org rollup on both replicas; once there is one, it must always be there. */
  private static void poll(AtomicBoolean polling, List<String> saw) {
    boolean seen = false;
    while (polling.get()) {
      for (PlumblineClient replica : List.of(onA, onB)) {
        try {
          PlumblineClient.Answer rollup = replica.get("/api/v1/org/rollup");
          if (rollup.status() == 200) {
            seen = true;
            if (!(rollup.body() instanceof ObjectNode) || !rollup.body().has("teams")) {
              saw.add("a rollup without its figures: " + rollup.body());
            }
          } else if (seen && rollup.status() != 503) {
            saw.add(rollup.status() + " " + rollup.body());
          }
        } catch (IllegalStateException killed) {
          // a replica being restarted answers nothing; a load balancer would not route to it
        }
      }
      sleep(Duration.ofMillis(250));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
