package io.plumbline.benchmark;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.plumbline.local.EventCounts;
import io.plumbline.local.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running stack as the benchmark speaks to it, with the admin's token: events to the command
 * service, reads from the query service, and waits until what was sent is projected and rolled up.
 */
public final class StackClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LocalStack stack;
  private final String token;

  public StackClient(LocalStack stack) {
    this.stack = stack;
    this.token = stack.adminToken();
  }

  public LocalStack stack() {
    return stack;
  }

  /** Sends the events in batches of 500 from the given number of threads; how many were taken. */
  public int sendAll(List<String> events, int threads) throws Exception {
    return sendAll(events, threads, 500);
  }

  /** Sends the events in batches from the given number of threads; how many were taken. */
  public int sendAll(List<String> events, int threads, int batchSize) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger accepted = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < events.size(); from += batchSize) {
      List<String> batch = events.subList(from, Math.min(events.size(), from + batchSize));
      futures.add(
          pool.submit(
              () -> {
                JsonNode receipt = post("/api/v1/events/batch", Events.batch(batch));
                accepted.addAndGet(
                    receipt.path("accepted").asInt() + receipt.path("duplicates").asInt());
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    return accepted.get();
  }

  /** Posts to the command service, expecting 200. */
  public JsonNode post(String path, String body) throws Exception {
    return post(path, body, 200);
  }

  /** Posts to the command service, expecting the given status. */
  public JsonNode post(String path, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Reads from the query service, whatever the status. */
  public HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(stack.queryUrl() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Reads from the query service, expecting 200; how long the answer took, in microseconds. */
  public long timedGet(String path) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = get(path);
    long micros = (System.nanoTime() - start) / 1000;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          stack.queryUrl() + path + " answered " + response.statusCode());
    }
    return micros;
  }

  /** Puts to the query service, whatever the status. */
  public HttpResponse<String> put(String path, String contentType, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(stack.queryUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static JsonNode json(String body) throws IOException {
    return JSON.readTree(body);
  }

  /** Waits until the query service has projected every event the command service stored. */
  public void awaitProjected(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    long stored = EventCounts.stored(stack);
    while (EventCounts.projected(stack) < stored) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("projection did not catch up within " + timeout);
      }
      Thread.sleep(500);
    }
  }

  /** Waits until no team's quarterly figures are left to compute; how many seconds that took. */
  public double awaitRollups(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    long start = System.nanoTime();
    while (dirtyTeams() > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("rollups did not settle within " + timeout);
      }
      Thread.sleep(500);
    }
    double seconds = seconds(start);
    log("quarterly figures settled %.1f s after the projection caught up".formatted(seconds));
    return seconds;
  }

  /** Teams whose quarterly figures are yet to be computed. */
  public long dirtyTeams() {
    try (MongoClient client = MongoClients.create(stack.mongoUrl())) {
      return client.getDatabase("plumbline-read").getCollection("dirty_teams").countDocuments();
    }
  }
}
