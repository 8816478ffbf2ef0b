package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import io.plumbline.command.infrastructure.CommitLogEventStorageEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Thousands of payloads, each broken in a way that must be refused: every answer is a 4xx problem,
 * never a 5xx, and nothing is stored.
 */
@EmbeddedInfrastructureTest
class MalformedInputFuzzTest {

  /** 10,000 in the suite; another run: -Dplumbline.fuzz.payloads=… and -Dplumbline.fuzz.seed=… */
  private static final int PAYLOADS = Integer.getInteger("plumbline.fuzz.payloads", 10_000);

  /** How many clients send them at once. */
  private static final int CLIENTS = 4;

  @LocalServerPort int port;
  TestRestTemplate http;
  @Autowired MongoTemplate mongo;
  @Autowired ObjectMapper json;

  private final Random random = new Random(Long.getLong("plumbline.fuzz.seed", 20261122L));

  @org.junit.jupiter.api.BeforeEach
  void client() {
    http = TestTokens.anonymous(port);
  }

  @Test
  void everyMalformedPayloadIsAFourHundredProblemAndNothingIsStored() throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 8);
    String team = "fz-" + s;
    post(
        "{\"type\":\"GroupDefined\",\"eventId\":\"g-%1$s\",\"groupId\":\"g-%1$s\",\"name\":\"G\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
            .formatted(s));
    post(
        "{\"type\":\"TeamRegistered\",\"eventId\":\"t-%s\",\"teamId\":\"%s\",\"name\":\"T\",\"groupId\":\"g-%s\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
            .formatted(s, team, s));
    post(
        "{\"type\":\"ServiceRegistered\",\"eventId\":\"s-%s\",\"teamId\":\"%s\",\"serviceId\":\"api\",\"name\":\"API\",\"tier\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
            .formatted(s, team));
    long stored = stored();
    List<ObjectNode> bases = bases(team);

    // the payloads follow from the seed alone; they are sent by a few clients at once
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < PAYLOADS; i++) {
      payloads.add(mutate(bases.get(random.nextInt(bases.size())).deepCopy(), i));
    }
    java.util.concurrent.atomic.AtomicInteger checked =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
    try {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (String payload : payloads) {
        sent.add(clients.submit(() -> check(payload, checked)));
      }
      for (java.util.concurrent.Future<?> answer : sent) {
        answer.get();
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(checked.get()).isEqualTo(PAYLOADS);
    assertThat(stored()).isEqualTo(stored);
  }

  private Void check(String payload, java.util.concurrent.atomic.AtomicInteger checked)
      throws Exception {
    ResponseEntity<String> answer = post(payload);
    int status = answer.getStatusCode().value();
    assertThat(status).as("%s → %s", payload, answer.getBody()).isBetween(400, 499);
    assertThat(answer.getHeaders().getContentType())
        .as(payload)
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.readTree(answer.getBody()).path("reason").asText()).as(payload).isNotBlank();
    checked.incrementAndGet();
    return null;
  }

  private List<ObjectNode> bases(String team) throws Exception {
    String at = "\"occurredAt\":\"2026-02-01T00:00:00Z\"";
    List<String> texts =
        List.of(
            "{\"type\":\"SloDefined\",\"eventId\":\"e\",\"teamId\":\"%s\",\"sloId\":\"avail\",\"serviceId\":\"api\",\"sliKind\":\"AVAILABILITY\",\"objectives\":[{\"targetPercent\":99.9}],\"window\":{\"duration\":\"30d\",\"calendarAligned\":false},\"errorBudgetPolicy\":true,\"burnRateAlerts\":true,%s}",
            "{\"type\":\"ToilMeasured\",\"eventId\":\"e\",\"teamId\":\"%s\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":10,\"opsHours\":100,%s}",
            "{\"type\":\"IncidentRecorded\",\"eventId\":\"e\",\"teamId\":\"%s\",\"incidentId\":\"i\",\"severity\":\"SEV1\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"resolvedAt\":\"2026-01-01T01:00:00Z\",%s}",
            "{\"type\":\"RunbookPublished\",\"eventId\":\"e\",\"teamId\":\"%s\",\"runbookId\":\"r\",\"serviceId\":\"api\",\"coveredAlerts\":[\"A\"],\"automated\":false,%s}",
            "{\"type\":\"AlertInventoryReported\",\"eventId\":\"e\",\"teamId\":\"%s\",\"serviceId\":\"api\",\"alertNames\":[\"A\",\"B\"],%s}");
    List<ObjectNode> bases = new ArrayList<>();
    for (String text : texts) {
      bases.add((ObjectNode) json.readTree(text.formatted(team, at)));
    }
    return bases;
  }

  /** Breaks the payload in one of many ways, each of which must be refused. */
  private String mutate(ObjectNode event, int i) {
    event.put("eventId", "fz-" + i);
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = event.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("type")) {
        fields.add(name);
      }
    }
    String field = fields.get(random.nextInt(fields.size()));
    switch (random.nextInt(16)) {
      case 0 -> {
        if (field.equals("window")) {
          // an SLO may have no window, but a window has a duration
          ((ObjectNode) event.get("window")).remove("duration");
        } else {
          event.remove(field);
        }
      }
      case 1 -> event.putArray(field).add(1).add("x");
      case 2 -> event.putObject(field).put("nested", true);
      case 3 -> event.put("unexpected" + random.nextInt(100), "value");
      case 4 -> event.put("type", "Invented" + random.nextInt(100));
      case 5 -> event.remove("type");
      case 6 -> event.put("eventId", random.nextBoolean() ? "has space" : "x".repeat(200));
      case 7 ->
          event.put(
              "occurredAt", Instant.now().plusSeconds(3600 + random.nextInt(100_000)).toString());
      case 8 ->
          event.put("occurredAt", random.nextBoolean() ? "yesterday" : "2026-13-45T99:00:00Z");
      case 9 -> event.put("teamId", random.nextBoolean() ? "" : "no/slashes");
      case 12 -> event.put(random.nextBoolean() ? "occurredAt" : "periodStart", 1_790_000_000L);
      case 13 -> {
        return event + (random.nextBoolean() ? " xyz" : "{\"a\":1}");
      }
      case 14 -> {
        if (event.has("severity")) {
          event.put("severity", 0);
        } else if (event.has("sliKind")) {
          event.put("sliKind", 0);
        } else {
          event.put("occurredAt", 1_790_000_000_000L);
        }
      }
      case 15 ->
          event.put(
              "occurredAt",
              random.nextBoolean() ? "-999999999-01-01T00:00:00Z" : "0001-01-01T00:00:00Z");
      case 10 -> {
        String text = event.toString();
        return text.substring(0, 1 + random.nextInt(text.length() - 1));
      }
      default -> {
        return switch (random.nextInt(5)) {
          case 0 -> "";
          case 1 -> "[]";
          case 2 -> "null";
          case 3 -> "\"just a string\"";
          default -> "{\"type\": " + "[".repeat(50) + "]".repeat(50) + "}";
        };
      }
    }
    return event.toString();
  }

  private ResponseEntity<String> post(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(TestTokens.ADMIN);
    return http.postForEntity("/api/v1/events", new HttpEntity<>(body, headers), String.class);
  }

  private long stored() {
    // one document per stored commit: nothing stored means no new document
    return mongo.getCollection(CommitLogEventStorageEngine.EVENTS).countDocuments(new Document());
  }
}
