package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import io.plumbline.events.EventJson;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.toil.ToilMeasured;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A retry that lands on another command service instance than the one that stored the original:
 * this instance's cached team knows nothing of what the other stored, and must answer as the other
 * would — {@code DUPLICATE} for what is stored, {@code ACCEPTED} for what is new, never a 5xx, and
 * as fast as a local retry. "The other instance" here writes to the shared event store directly, as
 * another process does, past this one's cache.
 */
@EmbeddedInfrastructureTest
class CrossInstanceRetryTest {

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired ObjectMapper json;
  TestRestTemplate http;
  String team;

  @BeforeEach
  void teamKnownToThisInstance() {
    http = TestTokens.client(port, TestTokens.ADMIN);
    String s = UUID.randomUUID().toString().substring(0, 8);
    team = "x-" + s;
    String at = "\"occurredAt\":\"2026-01-01T00:00:00Z\"";
    post(
        "/api/v1/events",
        "{\"type\":\"GroupDefined\",\"eventId\":\"g-%s\",\"groupId\":\"g-%s\",\"name\":\"G\",%s}"
            .formatted(s, s, at));
    post(
        "/api/v1/events",
        "{\"type\":\"TeamRegistered\",\"eventId\":\"t-%s\",\"teamId\":\"%s\",\"name\":\"T\",\"groupId\":\"g-%s\",%s}"
            .formatted(s, team, s, at));
    // this instance has now read (and cached) the team
    assertThat(post("/api/v1/events", toJson(toil("here-" + s, 0))).getStatusCode().value())
        .isEqualTo(202);
  }

  @Test
  void aBatchRetriedHereAfterAnotherInstanceStoredItIsAnsweredDuplicateQuickly() throws Exception {
    List<ToilMeasured> stored = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      stored.add(toil(team + "-w" + i, i));
    }
    storeAsAnotherInstance(stored);
    List<ToilMeasured> retry = new ArrayList<>(stored);
    retry.add(toil(team + "-new", 31));

    long started = System.nanoTime();
    ResponseEntity<String> answer =
        post(
            "/api/v1/events/batch",
            "{\"events\":["
                + retry.stream()
                    .map(CrossInstanceRetryTest::toJson)
                    .collect(Collectors.joining(","))
                + "]}");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    JsonNode receipt = json.readTree(answer.getBody());
    assertThat(receipt.path("duplicates").asInt()).as(answer.getBody()).isEqualTo(30);
    assertThat(receipt.path("accepted").asInt()).as(answer.getBody()).isEqualTo(1);
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(storedIds())
        .as("each once")
        .containsOnlyOnceElementsOf(
            retry.stream().map(ToilMeasured::eventId).collect(Collectors.toList()));
  }

  @Test
  void aSingleRetryAndANewEventHereAfterAnotherInstanceWroteAreDuplicateAndAccepted() {
    ToilMeasured there = toil(team + "-there", 1);
    storeAsAnotherInstance(List.of(there));

    ResponseEntity<String> retry = post("/api/v1/events", toJson(there));
    storeAsAnotherInstance(List.of(toil(team + "-there-2", 2)));
    ResponseEntity<String> fresh = post("/api/v1/events", toJson(toil(team + "-fresh", 3)));

    assertThat(retry.getStatusCode().value()).as(retry.getBody()).isEqualTo(200);
    assertThat(retry.getBody()).contains("DUPLICATE");
    assertThat(fresh.getStatusCode().value()).as(fresh.getBody()).isEqualTo(202);
    assertThat(storedIds())
        .containsOnlyOnceElementsOf(List.of(team + "-there", team + "-there-2", team + "-fresh"));
  }

  /** Appends events of the team as a second command service would: past this one's cache. */
  private void storeAsAnotherInstance(List<? extends PlumblineEvent> events) {
    long next = eventStore.lastSequenceNumberFor("team:" + team).orElse(-1L) + 1;
    List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
    for (PlumblineEvent event : events) {
      messages.add(new GenericDomainEventMessage<>("Team", "team:" + team, next++, event));
    }
    eventStore.publish(messages);
  }

  private List<String> storedIds() {
    return eventStore
        .readEvents("team:" + team, 0)
        .asStream()
        .map(m -> ((PlumblineEvent) m.getPayload()).eventId())
        .toList();
  }

  private ToilMeasured toil(String eventId, int week) {
    Instant start = Instant.parse("2026-01-05T00:00:00Z").plus(Duration.ofDays(7L * week));
    return new ToilMeasured(
        eventId,
        team,
        start,
        start.plus(Duration.ofDays(7)),
        BigDecimal.TEN,
        BigDecimal.valueOf(40),
        start.plus(Duration.ofDays(7)));
  }

  private static String toJson(PlumblineEvent event) {
    return new String(EventJson.toBytes(event), java.nio.charset.StandardCharsets.UTF_8);
  }

  private ResponseEntity<String> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
