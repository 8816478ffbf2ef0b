package io.plumbline.query.rubric.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.rubric.model.RubricDocument;
import io.plumbline.query.rubric.store.FencedFigureWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The rubric in force is the fleet's, not one replica's: an activation another replica stored is
 * taken on here within seconds, and figures computed under an older activation cannot replace
 * figures computed under a newer one.
 */
@EmbeddedInfrastructureTest
class FleetRubricTest {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  @Autowired ObjectMapper json;

  @Test
  void anActivationStoredByAnotherReplicaIsTakenOnWithinSeconds() throws IOException {
    TestRestTemplate http =
        new TestRestTemplate(
            new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + port)
                .additionalInterceptors(
                    (request, body, execution) -> {
                      request.getHeaders().setBearerAuth("test-admin-token-0123456789abcdef");
                      return execution.execute(request, body);
                    }));
    String marker = "# activated on another replica at " + Instant.now();
    String text;
    try (var in = RubricDocument.class.getResourceAsStream("/rubric/default.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n" + marker + "\n";
    }
    Document stored = mongo.getCollection("rubrics").find(new Document("_id", "active")).first();
    long generation = stored == null ? 0 : ((Number) stored.get("generation", 0L)).longValue();
    // what another replica's activation writes: the same figures' rubric, a later generation
    mongo
        .getCollection("rubrics")
        .replaceOne(
            new Document("_id", "active"),
            new Document("_id", "active")
                .append("version", RubricDocument.parse(text).version())
                .append("text", text)
                .append("activatedAt", new java.util.Date())
                .append("generation", generation + 1),
            new com.mongodb.client.model.ReplaceOptions().upsert(true));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                json.readTree(http.getForObject("/api/v1/admin/rubric", String.class))
                    .path("text")
                    .asText()
                    .contains(marker));
  }

  @Test
  void figuresOfALaterRubricAreNotReplacedByOnesOfAnEarlierOne() {
    String id = "fleet-" + System.nanoTime();
    Document later =
        new Document("_id", id).append("figure", "later").append("rubricGeneration", 7L);
    mongo.getCollection("fleet_figures").insertOne(later);

    boolean written = FencedFigureWrites.save(mongo, new Figure(id, "earlier", 6), id, 6);
    assertThat(written).isFalse();
    assertThat(mongo.getCollection("fleet_figures").find(new Document("_id", id)).first())
        .containsEntry("figure", "later");

    assertThat(FencedFigureWrites.save(mongo, new Figure(id, "newer", 8), id, 8)).isTrue();
    assertThat(mongo.getCollection("fleet_figures").find(new Document("_id", id)).first())
        .containsEntry("figure", "newer");
    String fresh = id + "-new";
    assertThat(FencedFigureWrites.save(mongo, new Figure(fresh, "first", 1), fresh, 1)).isTrue();
  }

  @Test
  void figuresFromFewerFactsDoNotReplaceFiguresFromMoreUnderTheSameRubric() {
    String id = "fence-" + System.nanoTime();
    assertThat(
            FencedFigureWrites.save(mongo, new Fenced(id, "from 5", 3, 5), id, 3, "factCount", 5))
        .isTrue();

    // a replica that computed from older facts (3) arrives late: refused
    assertThat(
            FencedFigureWrites.save(mongo, new Fenced(id, "from 3", 3, 3), id, 3, "factCount", 3))
        .isFalse();
    assertThat(figure(id)).isEqualTo("from 5");
    // from the same or more facts: written
    assertThat(
            FencedFigureWrites.save(mongo, new Fenced(id, "from 7", 3, 7), id, 3, "factCount", 7))
        .isTrue();
    // under a later rubric, whatever the facts counted: written
    assertThat(
            FencedFigureWrites.save(mongo, new Fenced(id, "rubric 4", 4, 1), id, 4, "factCount", 1))
        .isTrue();
    assertThat(figure(id)).isEqualTo("rubric 4");
  }

  private String figure(String id) {
    return mongo
        .getCollection("fleet_figures")
        .find(new Document("_id", id))
        .first()
        .getString("figure");
  }

  @org.springframework.data.mongodb.core.mapping.Document("fleet_figures")
  record Fenced(
      @org.springframework.data.annotation.Id String id,
      String figure,
      long rubricGeneration,
      long factCount) {}

  @org.springframework.data.mongodb.core.mapping.Document("fleet_figures")
  record Figure(
      @org.springframework.data.annotation.Id String id, String figure, long rubricGeneration) {}
}
