package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@EmbeddedInfrastructureTest
class BatchTest {

  @LocalServerPort int port;
  TestRestTemplate http;
  @Autowired EventStorageEngine events;
  @Autowired ObjectMapper json;

  private String s;

  @BeforeEach
  void org() {
    http = TestTokens.anonymous(port);
    s = UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> setup =
        post(
            "/api/v1/events/batch",
            batch(
                List.of(
                    "{\"type\":\"GroupDefined\",\"eventId\":\"g-%1$s\",\"groupId\":\"g-%1$s\",\"name\":\"G\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
                        .formatted(s),
                    "{\"type\":\"TeamRegistered\",\"eventId\":\"t-%1$s\",\"teamId\":\"t-%1$s\",\"name\":\"T\",\"groupId\":\"g-%1$s\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
                        .formatted(s))));
    assertThat(setup.getBody()).contains("\"accepted\":2");
  }

  private String toil(int i) {
    return "{\"type\":\"ToilMeasured\",\"eventId\":\"m-%s-%d\",\"teamId\":\"t-%s\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":%d,\"opsHours\":100,\"occurredAt\":\"2026-02-01T00:00:00Z\"}"
        .formatted(s, i, s, i);
  }

  private static String batch(List<String> events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  private ResponseEntity<String> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(TestTokens.ADMIN);
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private long stored() {
    return events.readEvents("team:t-" + s).asStream().count();
  }

  @Test
  void eachEventOfABatchGetsItsOwnOutcomeAndRefusedOnesHoldNothingBack() throws Exception {
    post("/api/v1/events", toil(0));
    String tooMuchToil = toil(1).replace("\"toilHours\":1,", "\"toilHours\":101,");

    JsonNode receipt =
        json.readTree(
            post("/api/v1/events/batch", batch(List.of(toil(0), tooMuchToil, toil(2), "17")))
                .getBody());

    assertThat(receipt.path("accepted").asInt()).isEqualTo(1);
    assertThat(receipt.path("duplicates").asInt()).isEqualTo(1);
    assertThat(receipt.path("rejected").asInt()).isEqualTo(2);
    assertThat(receipt.path("errors").asBoolean()).isTrue();
    assertThat(receipt.at("/results/0/outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(receipt.at("/results/1/problem/reason").asText()).isEqualTo("toil-exceeds-ops");
    assertThat(receipt.at("/results/1/problem/status").asInt()).isEqualTo(422);
    assertThat(receipt.at("/results/2/outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(receipt.at("/results/3/problem/reason").asText()).isEqualTo("malformed-json");
  }

  @Test
  void anExportInterleavingTeamsGetsTheOutcomesOfDecidingItEventByEvent() throws Exception {
    String other =
        "{\"type\":\"TeamRegistered\",\"eventId\":\"u-%1$s\",\"teamId\":\"u-%1$s\",\"name\":\"U\",\"groupId\":\"g-%1$s\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
            .formatted(s);
    String otherToil = toil(7).replace("\"t-" + s + "\"", "\"u-" + s + "\"");
    String tooMuchToil = toil(8).replace("\"toilHours\":8,", "\"toilHours\":101,");
    String overlapping =
        toil(9)
            .replace("\"t-" + s + "\"", "\"u-" + s + "\"")
            .replace(
                "\"periodStart\":\"2026-01-01T00:00:00Z\"",
                "\"periodStart\":\"2026-01-15T00:00:00Z\"")
            .replace(
                "\"periodEnd\":\"2026-02-01T00:00:00Z\"", "\"periodEnd\":\"2026-02-15T00:00:00Z\"");

    JsonNode receipt =
        json.readTree(
            post(
                    "/api/v1/events/batch",
                    batch(List.of(toil(5), other, tooMuchToil, otherToil, toil(6), overlapping)))
                .getBody());

    List<String> outcomes = new ArrayList<>();
    for (JsonNode result : receipt.path("results")) {
      outcomes.add(result.path("outcome").asText() + ":" + result.at("/problem/reason").asText(""));
    }
    assertThat(outcomes)
        .containsExactly(
            "ACCEPTED:",
            "ACCEPTED:",
            "REJECTED:toil-exceeds-ops",
            "ACCEPTED:",
            "ACCEPTED:",
            "REJECTED:overlapping-period");
    assertThat(
            events
                .readEvents("team:u-" + s)
                .asStream()
                .map(e -> ((io.plumbline.events.PlumblineEvent) e.getPayload()).eventId())
                .toList())
        .containsExactly("u-" + s, "m-" + s + "-7");
  }

  @Test
  void aBatchEnvelopeWithAFieldBesideEventsIsRefusedWhole() throws Exception {
    long before = stored();

    ResponseEntity<String> answer =
        post("/api/v1/events/batch", "{\"events\":[" + toil(31) + "],\"dryRun\":true}");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(answer.getBody()).path("reason").asText()).isEqualTo("invalid-batch");
    assertThat(json.readTree(answer.getBody()).path("field").asText()).isEqualTo("dryRun");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void laterEventsOfABatchBuildOnEarlierOnesAcrossARefusalInBetween() throws Exception {
    String at = "\"occurredAt\":\"2026-02-01T00:00:00Z\"";
    String service =
        "{\"type\":\"ServiceRegistered\",\"eventId\":\"svc-%1$s\",\"teamId\":\"t-%1$s\",\"serviceId\":\"api\",\"name\":\"API\",\"tier\":1,%2$s}"
            .formatted(s, at);
    String slo =
        "{\"type\":\"SloDefined\",\"eventId\":\"%3$s-%1$s\",\"teamId\":\"t-%1$s\",\"sloId\":\"%3$s\",\"serviceId\":\"%4$s\",\"sliKind\":\"AVAILABILITY\",\"objectivePercent\":99.9,\"windowDays\":30,\"errorBudgetPolicy\":true,\"burnRateAlerts\":false,%2$s}";
    long before = stored();

    JsonNode receipt =
        json.readTree(
            post(
                    "/api/v1/events/batch",
                    batch(
                        List.of(
                            service,
                            slo.formatted(s, at, "orphan", "no-such-service"),
                            slo.formatted(s, at, "availability", "api"),
                            service.replace("svc-", "svc-again-"))))
                .getBody());

    assertThat(receipt.at("/results/0/outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(receipt.at("/results/1/outcome").asText()).isEqualTo("REJECTED");
    assertThat(receipt.at("/results/2/outcome").asText())
        .as("the SLO's service was registered earlier in the same batch")
        .isEqualTo("ACCEPTED");
    assertThat(receipt.at("/results/3/problem/reason").asText()).isEqualTo("already-exists");
    String review =
        "{\"type\":\"SloReviewed\",\"eventId\":\"review-%1$s\",\"teamId\":\"t-%1$s\",\"sloId\":\"availability\",%2$s}"
            .formatted(s, at);
    assertThat(post("/api/v1/events", review).getStatusCode().value()).isEqualTo(202);
    assertThat(stored()).isEqualTo(before + 3);
  }

  @Test
  void aBatchRetriedTenTimesConcurrentlyStoresEachEventOnce() throws Exception {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      events.add(toil(i));
    }
    String body = batch(events);
    long before = stored();

    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<JsonNode>> retries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      retries.add(() -> json.readTree(post("/api/v1/events/batch", body).getBody()));
    }
    int accepted = 0;
    for (Future<JsonNode> answer : pool.invokeAll(retries)) {
      JsonNode receipt = answer.get();
      assertThat(receipt.path("rejected").asInt()).as(receipt.toString()).isZero();
      accepted += receipt.path("accepted").asInt();
    }
    pool.shutdown();

    assertThat(accepted).isEqualTo(50);
    assertThat(stored()).isEqualTo(before + 50);
  }

  @Test
  void anEventIdUsedByAnotherTeamIsAConflict() throws Exception {
    post(
        "/api/v1/events",
        "{\"type\":\"TeamRegistered\",\"eventId\":\"t2-%1$s\",\"teamId\":\"t2-%1$s\",\"name\":\"T\",\"groupId\":\"g-%1$s\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
            .formatted(s));
    post("/api/v1/events", toil(7));

    ResponseEntity<String> reused =
        post("/api/v1/events", toil(7).replace("\"teamId\":\"t-" + s, "\"teamId\":\"t2-" + s));

    assertThat(reused.getStatusCode().value()).isEqualTo(409);
    assertThat(json.readTree(reused.getBody()).path("reason").asText())
        .isEqualTo("event-id-reused");
  }

  @Test
  void batchesOverTheLimitAndEmptyBatchesAreRefusedWhole() throws Exception {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      events.add("{}");
    }

    assertThat(
            json.readTree(post("/api/v1/events/batch", batch(events)).getBody())
                .path("reason")
                .asText())
        .isEqualTo("batch-too-large");
    assertThat(
            json.readTree(post("/api/v1/events/batch", "{\"events\":[]}").getBody())
                .path("reason")
                .asText())
        .isEqualTo("invalid-batch");
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
    String huge =
        toil(1)
            .replace("\"opsHours\":100", "\"opsHours\":100,\"pad\":\"" + "x".repeat(70_000) + "\"");

    ResponseEntity<String> answer = post("/api/v1/events", huge);

    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(json.readTree(answer.getBody()).path("reason").asText())
        .isEqualTo("payload-too-large");
  }
}
