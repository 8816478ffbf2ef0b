package io.plumbline.query.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.postmortem.Severity;
import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.TestTopic;
import io.plumbline.query.facts.model.FactLog;
import io.plumbline.query.publication.store.QuarterPublisher;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.store.PublicationStore;
import io.plumbline.query.rubric.model.Quarter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A restatement means "the figures leadership saw changed": nothing is restated before a quarter is
 * published; after it, a late postmortem restates exactly the quarter it changes, naming exactly
 * that event and the team's levels before and after.
 *
 * <p>Each test works in a year of its own, so that publishing its quarters touches no other test's
 * teams in the shared database.
 */
@EmbeddedInfrastructureTest
class PublicationTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired QuarterPublisher publisher;
  @Autowired MongoTemplate mongo;
  @Autowired PublicationStore publications;

  private TestRestTemplate http;
  private TestTopic topic;
  private String team;

  @BeforeEach
  void setUp() {
    http = TestTopic.adminHttp(port);
    topic = new TestTopic();
    team = "pub-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    topic.close();
  }

  @Test
  void aLatePostmortemRestatesExactlyThePublishedQuarterItChanges() throws Exception {
    topic.publish(new TeamRegistered("reg-" + team, team, "Team", "eng", at("2019-04-02")));
    topic.publish(
        new IncidentRecorded(
            "inc-" + team,
            team,
            "INC-1",
            Severity.SEV2,
            at("2019-05-01"),
            at("2019-05-01").plusSeconds(3600),
            at("2019-05-01").plusSeconds(3600)));
    JsonNode before =
        awaitMaturity("2019-Q2", m -> m.at("/practices/postmortems/level").asInt() == 0);
    assertThat(before.path("restated").asBoolean()).isFalse();
    awaitSettled("inc-" + team, "2019-Q3");

    ResponseEntity<String> first =
        http.postForEntity("/api/v1/quarters/2019-Q2/publish", null, String.class);
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
    ResponseEntity<String> again =
        http.postForEntity("/api/v1/quarters/2019-Q2/publish", null, String.class);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(again.getBody()).path("publishedAt"))
        .isEqualTo(json.readTree(first.getBody()).path("publishedAt"));
    JsonNode snapshot = get("/api/v1/quarters/2019-Q2/published");
    assertThat(snapshot.path("teams").toString()).contains("\"teamId\":\"" + team + "\"");
    assertThat(snapshot.path("rollups").toString()).contains("\"scope\":\"org\"");

    String late = "pm-" + team;
    topic.publish(
        new PostmortemPublished(
            late,
            team,
            "PM-1",
            "INC-1",
            true,
            List.of(new ActionItem("AI-1", at("2019-06-01"))),
            List.of(),
            at("2019-05-03")));

    JsonNode restated = awaitMaturity("2019-Q2", m -> m.path("restated").asBoolean());
    assertThat(restated.at("/restatements/0/eventIds").toString()).isEqualTo("[\"" + late + "\"]");
    assertThat(restated.at("/restatements/0/before/levels/postmortems").asInt()).isZero();
    assertThat(restated.at("/restatements/0/after/levels/postmortems").asInt())
        .isEqualTo(restated.at("/practices/postmortems/level").asInt())
        .isPositive();
    JsonNode diff = get("/api/v1/quarters/2019-Q2/published/diff");
    assertThat(diff.path("teams").toString()).contains(team).contains(late);
    assertThat(diff.path("rubricChangedSincePublication").asBoolean()).isFalse();
    // the quarter after it changes too, but it was never published: nothing to restate
    JsonNode next = awaitMaturity("2019-Q3", m -> m.at("/practices/postmortems/level").asInt() > 0);
    assertThat(next.path("restated").asBoolean()).isFalse();
  }

  @Test
  void aQuarterIsPublishedAutomaticallyOnlyWhenItsGracePeriodPassesWhilePlumblineRuns()
      throws Exception {
    topic.publish(new TeamRegistered("reg-" + team, team, "Team", "eng", at("2018-04-02")));
    awaitSettled("reg-" + team, "2018-Q3");
    mongo.remove(
        org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("_id")
                .is("publication-clock")),
        "publication_clock");

    // first run ever, long after 2018-Q2's grace: a backfill, nothing is published
    assertThat(publisher.publishDue(at("2018-08-01"))).isEmpty();
    // 2018-Q3 ends 2018-10-01; with 14 days' grace it is due 2018-10-15
    assertThat(publisher.publishDue(at("2018-10-14"))).isEmpty();
    assertThat(publisher.publishDue(at("2018-10-16"))).containsExactly(Quarter.parse("2018-Q3"));
    assertThat(publisher.publishDue(at("2018-10-17"))).isEmpty();

    assertThat(get("/api/v1/quarters/2018-Q3/published").at("/publication/publishedBy").asText())
        .isEqualTo("automatic");
    ResponseEntity<String> never =
        http.getForEntity("/api/v1/quarters/2018-Q2/published", String.class);
    assertThat(never.getStatusCode().value()).isEqualTo(404);
    assertThat(json.readTree(never.getBody()).path("reason").asText()).isEqualTo("not-published");
    mongo.remove(
        org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("_id")
                .is("publication-clock")),
        "publication_clock");
  }

  @Test
  void anOpenQuarterIsNotPublished() throws Exception {
    ResponseEntity<String> open =
        http.postForEntity(
            "/api/v1/quarters/%s/publish".formatted(Quarter.Calendar.UTC.quarterOf(Instant.now())),
            null,
            String.class);
    assertThat(open.getStatusCode().value()).isEqualTo(409);
    assertThat(json.readTree(open.getBody()).path("reason").asText())
        .isEqualTo("quarter-not-closed");
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T09:00:00Z");
  }

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  /**
   * Until the event is in the team's facts, the team's row of the quarter stands and no team waits
   * to be recomputed for it.
   */
  private void awaitSettled(String eventId, String quarter) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              FactLog log = mongo.findById(FactLog.team(team), FactLog.class);
              return log != null
                  && log.eventIds().contains(eventId)
                  && mongo.findById(team + "|" + quarter, TeamQuarter.class) != null
                  && publications.pendingThrough(Quarter.parse(quarter)) == 0;
            });
  }

  private JsonNode awaitMaturity(String quarter, java.util.function.Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              ResponseEntity<String> response =
                  http.getForEntity(
                      "/api/v1/teams/%s/maturity?quarter=%s".formatted(team, quarter),
                      String.class);
              if (response.getStatusCode().value() != 200) {
                return false;
              }
              last[0] = json.readTree(response.getBody());
              return condition.test(last[0]);
            });
    return last[0];
  }
}
