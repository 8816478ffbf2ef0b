package io.plumbline.query.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.embedded.SharedTestInfrastructure;
import io.plumbline.events.Topics;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloReviewed;
import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.TestTopic;
import io.plumbline.query.facts.model.FactLog;
import java.math.BigDecimal;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The query side as an outside producer sees it: records on the topic, answers from the API. */
@EmbeddedInfrastructureTest
class ProjectionTest {

  private static final Instant JAN = Instant.parse("2026-01-10T00:00:00Z");

  @LocalServerPort int port;
  TestRestTemplate http;
  @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo;
  @Autowired ObjectMapper json;

  private TestTopic topic;
  private String team;

  @BeforeEach
  void setUp() {
    http = TestTopic.adminHttp(port);
    topic = new TestTopic();
    team = "team-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    topic.close();
  }

  private SloDefined sloWithPolicy() {
    return new SloDefined(
        "slo-" + team,
        team,
        "availability",
        "api",
        SliKind.AVAILABILITY,
        new BigDecimal("99.9"),
        30,
        true,
        false,
        JAN.plusSeconds(60));
  }

  private void registerTeamWithService() {
    topic.publish(new TeamRegistered("reg-" + team, team, "Checkout", "eng", JAN));
    topic.publish(new ServiceRegistered("svc-" + team, team, "api", "API", 1, JAN));
  }

  @Test
  void aTeamWithAnSloAndAnErrorBudgetPolicyIsAtSloLevel2() throws Exception {
    registerTeamWithService();
    topic.publish(sloWithPolicy());

    JsonNode maturity = awaitMaturity(m -> m.at("/practices/slos/level").asInt() == 2);

    assertThat(maturity.path("overallLevel").asInt()).isZero();
    assertThat(maturity.path("score").decimalValue()).isEqualByComparingTo("10.0");
    assertThat(maturity.at("/practices/slos/name").asText()).isEqualTo("OWNED");
    assertThat(maturity.at("/practices/slos/criteria/1/evidence/0").asText())
        .isEqualTo("slo-" + team);
    assertThat(maturity.path("practices").has("postmortems")).isTrue();
    assertThat(maturity.path("practices").has("runbooks")).isTrue();
    assertThat(maturity.path("practices").has("toil")).isTrue();
  }

  @Test
  void theMaturityAsOfAnEarlierInstantIgnoresLaterEvents() throws Exception {
    registerTeamWithService();
    topic.publish(sloWithPolicy());
    awaitMaturity(m -> m.at("/practices/slos/level").asInt() == 2);

    JsonNode before = get("/api/v1/teams/" + team + "/maturity?asOf=" + JAN.plusSeconds(30));

    assertThat(before.at("/practices/slos/level").asInt()).isZero();
    assertThat(before.path("quarter").asText()).isEqualTo("2026-Q1");
  }

  @Test
  void aRedeliveredEventIsProjectedOnce() throws Exception {
    registerTeamWithService();
    topic.publish(sloWithPolicy());
    topic.publish(sloWithPolicy());
    SloReviewed sentinel =
        new SloReviewed("rev-" + team, team, "availability", JAN.plusSeconds(90));
    topic.publish(sentinel);

    await().atMost(Duration.ofSeconds(20)).until(() -> projected(sentinel.eventId()));

    assertThat(mongo.findById(FactLog.team(team), FactLog.class).eventIds())
        .containsExactly("reg-" + team, "svc-" + team, "slo-" + team, sentinel.eventId());
  }

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicAndDoesNotStallItsPartition() throws Exception {
    topic
        .producer()
        .send(
            new ProducerRecord<>(Topics.EVENTS, team, "{not json".getBytes(StandardCharsets.UTF_8)))
        .get();
    registerTeamWithService();

    await().atMost(Duration.ofSeconds(20)).until(() -> projected("svc-" + team));

    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(team);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();

    JsonNode letters = json.readTree(http.getForObject("/api/v1/admin/dead-letters", String.class));
    JsonNode letter = null;
    for (JsonNode candidate : letters) {
      if (team.equals(candidate.path("key").asText())) {
        letter = candidate;
      }
    }
    assertThat(letter).as(letters.toString()).isNotNull();
    assertThat(letter.path("payload").asText()).isEqualTo("{not json");
    assertThat(letter.path("reason").asText()).isNotBlank();
    assertThat(letter.path("originalTopic").asText()).isEqualTo(Topics.EVENTS);
    String replay =
        "/api/v1/admin/dead-letters/%d/%d/replay"
            .formatted(letter.path("partition").asInt(), letter.path("offset").asLong());
    assertThat(http.postForEntity(replay, null, String.class).getStatusCode().value())
        .isEqualTo(200);
    long copies = 1;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              int found = 0;
              for (JsonNode candidate :
                  json.readTree(http.getForObject("/api/v1/admin/dead-letters", String.class))) {
                if (team.equals(candidate.path("key").asText())) {
                  found++;
                }
              }
              return found > copies;
            });
  }

  @Test
  void anUnknownTeamIsAProblem() throws Exception {
    ResponseEntity<String> response =
        http.getForEntity("/api/v1/teams/nobody/maturity", String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.readTree(response.getBody()).path("reason").asText()).isEqualTo("unknown-team");
  }

  @Test
  void aMalformedAsOfIsABadRequest() throws Exception {
    registerTeamWithService();
    await().atMost(Duration.ofSeconds(20)).until(() -> projected("reg-" + team));

    ResponseEntity<String> response =
        http.getForEntity("/api/v1/teams/" + team + "/maturity?asOf=yesterday", String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(response.getBody()).path("field").asText()).isEqualTo("asOf");
  }

  private boolean projected(String eventId) {
    return mongo.exists(
        org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("eventIds").is(eventId)),
        FactLog.class);
  }

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  private JsonNode awaitMaturity(java.util.function.Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              ResponseEntity<String> response =
                  http.getForEntity("/api/v1/teams/" + team + "/maturity", String.class);
              if (response.getStatusCode().value() != 200) {
                return false;
              }
              last[0] = json.readTree(response.getBody());
              return condition.test(last[0]);
            });
    return last[0];
  }

  private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            SharedTestInfrastructure.get().kafka().bootstrapServers(),
            "group.id",
            "dlt-reader-" + key,
            "auto.offset.reset",
            "earliest");
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(Set.of(Topics.EVENTS_DEAD_LETTER));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> key.equals(r.key()));
              });
    }
    return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
  }
}
