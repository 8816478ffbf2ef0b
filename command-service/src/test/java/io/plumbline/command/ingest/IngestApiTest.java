package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import io.plumbline.embedded.SharedTestInfrastructure;
import io.plumbline.events.EventHeaders;
import io.plumbline.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@EmbeddedInfrastructureTest
class IngestApiTest {

  @LocalServerPort int port;
  TestRestTemplate http;
  @Autowired MongoTemplate mongo;
  @Autowired EventStorageEngine events;
  @Autowired ObjectMapper json;

  private String suffix;

  @BeforeEach
  void freshOrg() {
    http = TestTokens.client(port, TestTokens.ADMIN);
    suffix = UUID.randomUUID().toString().substring(0, 8);
    accepted(
        """
        {"type":"GroupDefined","eventId":"g-%1$s","groupId":"eng-%1$s","name":"Engineering",
         "occurredAt":"2026-01-01T00:00:00Z"}"""
            .formatted(suffix));
    accepted(
        """
        {"type":"TeamRegistered","eventId":"t-%1$s","teamId":"team-%1$s","name":"Checkout",
         "groupId":"eng-%1$s","occurredAt":"2026-01-01T00:00:00Z"}"""
            .formatted(suffix));
    accepted(
        """
        {"type":"ServiceRegistered","eventId":"s-%1$s","teamId":"team-%1$s","serviceId":"api",
         "name":"API","tier":1,"occurredAt":"2026-01-01T00:00:00Z"}"""
            .formatted(suffix));
  }

  private String slo(String eventId, String objective, String window) {
    return """
        {"type":"SloDefined","eventId":"%s","teamId":"team-%s","sloId":"availability",
         "serviceId":"api","sliKind":"AVAILABILITY","objectivePercent":%s,"windowDays":%s,
         "errorBudgetPolicy":true,"burnRateAlerts":false,"occurredAt":"2026-02-01T00:00:00Z"}"""
        .formatted(eventId, suffix, objective, window);
  }

  @Test
  void anAcceptedEventIsStoredAndPublishedToKafkaKeyedByTeam() throws Exception {
    ResponseEntity<String> response = post(slo("slo-" + suffix, "99.9", "30"));

    assertThat(response.getStatusCode().value()).isEqualTo(202);
    assertThat(json.readTree(response.getBody()).path("outcome").asText()).isEqualTo("ACCEPTED");
    ConsumerRecord<String, byte[]> published = awaitPublished("slo-" + suffix);
    assertThat(published.key()).isEqualTo("team-" + suffix);
    assertThat(header(published, EventHeaders.TYPE)).isEqualTo("SloDefined");
    assertThat(header(published, EventHeaders.REVISION))
        .isEqualTo(
            io.plumbline.events.EventTypes.revisionOf(io.plumbline.events.slo.SloDefined.class));
    assertThat(Instant.parse(header(published, EventHeaders.RECORDED_AT))).isNotNull();
  }

  @Test
  void aRetryOfTheSameEventIsAnsweredAsDuplicateAndStoredOnce() throws Exception {
    long before = storedEventsOfTeam();
    post(slo("slo-" + suffix, "99.9", "30"));

    ResponseEntity<String> retry = post(slo("slo-" + suffix, "99.90", "30"));

    assertThat(retry.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(retry.getBody()).path("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(storedEventsOfTeam()).isEqualTo(before + 1);
  }

  @Test
  void theSameEventIdWithOtherContentIsAConflict() throws Exception {
    post(slo("slo-" + suffix, "99.9", "30"));

    JsonNode problem = problem(post(slo("slo-" + suffix, "99.5", "30")), 409);

    assertThat(problem.path("reason").asText()).isEqualTo("event-id-reused");
    assertThat(problem.path("field").asText()).isEqualTo("eventId");
  }

  @ParameterizedTest(name = "objective {0}, window {1} → {2} {3} on {4}")
  @CsvSource({
    "0, 30, 422, objective-out-of-range, objectives[0].targetPercent",
    "100, 30, 422, objective-out-of-range, objectives[0].targetPercent",
    "99.9, 0, 422, window-out-of-range, window.duration",
    "99.9, 91, 422, window-out-of-range, window.duration",
    "'\"high\"', 30, 400, invalid-field, objectivePercent",
    "99.9, '\"month\"', 400, invalid-field, windowDays",
    "null, 30, 422, invalid-field, objectivePercent",
  })
  void badSloDefinitionsAreRefusedWithTheFieldAndNothingIsStored(
      String objective, String window, int status, String reason, String field) throws Exception {
    long before = storedEventsOfTeam();

    JsonNode problem = problem(post(slo("bad-" + suffix, objective, window)), status);

    assertThat(problem.path("reason").asText()).isEqualTo(reason);
    assertThat(problem.path("type").asText()).isEqualTo("urn:plumbline:problem:" + reason);
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(storedEventsOfTeam()).isEqualTo(before);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"occurredAt\":\"2026-13-45T99:00:00Z\" | occurredAt | RFC 3339 instant",
        "\"occurredAt\":\"yesterday\" | occurredAt | RFC 3339 instant",
        "\"sliKind\":\"SPEED\" | sliKind | one of [AVAILABILITY",
        "\"errorBudgetPolicy\":\"yes\" | errorBudgetPolicy | true or false",
      })
  void aWrongValueIsExplainedInTheApisWordsNotTheParsers(
      String replacement, String field, String expected) throws Exception {
    String body =
        slo("words-" + suffix, "99.9", "30")
            .replaceFirst("\"" + field + "\":(\"[^\"]*\"|[a-z]+)", replacement);

    JsonNode problem = problem(post(body), 400);

    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("detail").asText())
        .contains(expected)
        .doesNotContain(
            "Text '", "Cannot deserialize", "Character", "java.", "not one of the values");
  }

  @Test
  void aNameWithControlCharactersIsRefusedSoThatItNeverReachesAnExport() throws Exception {
    String group =
        "{\"type\":\"GroupDefined\",\"eventId\":\"ctl-%s\",\"groupId\":\"ctl-%s\","
                .formatted(suffix, suffix)
            + "\"name\":\"Payments\\u0000\\nteam\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";

    JsonNode problem = problem(post(group), 422);

    assertThat(problem.path("field").asText()).isEqualTo("name");
    assertThat(problem.path("detail").asText()).contains("control characters");
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    JsonNode problem = problem(post("{\"type\":\"SloDefined\", \"eventId\": "), 400);

    assertThat(problem.path("reason").asText()).isEqualTo("malformed-json");
  }

  @Test
  void anUnknownEventTypeIsRefusedWithTheAcceptedOnes() throws Exception {
    JsonNode problem = problem(post("{\"type\":\"SloInvented\",\"eventId\":\"x\"}"), 400);

    assertThat(problem.path("reason").asText()).isEqualTo("unknown-event-type");
    assertThat(problem.path("detail").asText()).contains("SloDefined", "TeamRegistered");
  }

  @Test
  void aMisspelledFieldIsRefusedRatherThanIgnored() throws Exception {
    String typo = slo("typo-" + suffix, "99.9", "30").replace("\"windowDays\"", "\"windowDay\"");

    JsonNode problem = problem(post(typo), 400);

    assertThat(problem.path("reason").asText()).isEqualTo("unknown-field");
    assertThat(problem.path("field").asText()).isEqualTo("windowDay");
  }

  @Test
  void aMissingFieldIsNamed() throws Exception {
    String missing =
        slo("miss-" + suffix, "99.9", "30").replace("\"sliKind\":\"AVAILABILITY\",", "");

    JsonNode problem = problem(post(missing), 422);

    assertThat(problem.path("field").asText()).isEqualTo("sliKind");
  }

  @Test
  void anEventFarInTheFutureIsRefused() throws Exception {
    String future =
        slo("fut-" + suffix, "99.9", "30")
            .replace("2026-02-01T00:00:00Z", Instant.now().plus(Duration.ofHours(1)).toString());

    JsonNode problem = problem(post(future), 422);

    assertThat(problem.path("reason").asText()).isEqualTo("occurred-at-in-future");
    assertThat(problem.path("field").asText()).isEqualTo("occurredAt");
  }

  @Test
  void anSloForAnUnknownTeamIsNotFound() throws Exception {
    String unknownTeam = slo("nt-" + suffix, "99.9", "30").replace("team-" + suffix, "ghost");

    JsonNode problem = problem(post(unknownTeam), 404);

    assertThat(problem.path("reason").asText()).isEqualTo("unknown-team");
  }

  @Test
  void anSloForAnUnknownServiceIsNotFound() throws Exception {
    String unknownService = slo("ns-" + suffix, "99.9", "30").replace("\"api\"", "\"ghost\"");
    long before = storedEventsOfTeam();

    JsonNode problem = problem(post(unknownService), 404);

    assertThat(problem.path("reason").asText()).isEqualTo("unknown-service");
    assertThat(storedEventsOfTeam()).isEqualTo(before);
  }

  @Test
  void aTeamInAnUnknownGroupIsNotFound() throws Exception {
    JsonNode problem =
        problem(
            post(
                """
                {"type":"TeamRegistered","eventId":"t2-%1$s","teamId":"other-%1$s","name":"Other",
                 "groupId":"nowhere","occurredAt":"2026-01-01T00:00:00Z"}"""
                    .formatted(suffix)),
            404);

    assertThat(problem.path("reason").asText()).isEqualTo("unknown-group");
    assertThat(problem.path("field").asText()).isEqualTo("groupId");
  }

  private void accepted(String body) {
    assertThat(post(body).getStatusCode().value()).isEqualTo(202);
  }

  private ResponseEntity<String> post(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/v1/events", new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode problem(ResponseEntity<String> response, int status) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    return json.readTree(response.getBody());
  }

  private long storedEventsOfTeam() {
    return events.readEvents("team:team-" + suffix).asStream().count();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private ConsumerRecord<String, byte[]> awaitPublished(String eventId) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            SharedTestInfrastructure.get().kafka().bootstrapServers(),
            "group.id",
            "ingest-test-" + suffix,
            "auto.offset.reset",
            "earliest");
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(Set.of(Topics.EVENTS));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream()
                    .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(eventId));
              });
    }
    return seen.stream()
        .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(eventId))
        .findFirst()
        .orElseThrow();
  }
}
