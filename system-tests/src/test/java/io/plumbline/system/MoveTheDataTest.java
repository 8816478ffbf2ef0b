package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.local.EventCounts;
import io.plumbline.local.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An org that started on one deployment moves to another: every event exported from the first store
 * and imported into a fresh one gives the same events, in the same order, under the same ids, and
 * every team's figures and the org's rollup are the same once the second has computed them. An
 * import sent twice resumes; one into a store that holds other events is refused, storing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoveTheDataTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DEPLOY = Path.of(System.getProperty("plumbline.deployDir", "deploy"));

  @TempDir static Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private LocalStack from;
  private LocalStack to;

  @BeforeAll
  void twoDeployments() throws Exception {
    from = LocalStack.start(TestStacks.config(dir.resolve("from")));
    to = LocalStack.start(TestStacks.config(dir.resolve("to")));
    CiClient.Run loaded =
        new CiClient(from.commandUrl(), from.adminToken(), "checkout")
            .run("batch", DEPLOY.resolve("sample/sample-org.json").toString());
    assertThat(loaded.exitCode()).as(loaded.output()).isEqualTo(5); // two refusals on purpose
    settled(from);
  }

  @AfterAll
  void stop() {
    if (to != null) {
      to.close();
    }
    if (from != null) {
      from.close();
    }
  }

  @Test
  void anExportImportedIntoAFreshStoreGivesTheSameEventsAndTheSameFigures() throws Exception {
    String export = export(from);
    List<String> exported = identities(export);
    assertThat(exported).hasSize((int) EventCounts.stored(from)).isNotEmpty();

    JsonNode imported = importInto(to, export, 200);
    assertThat(imported.path("stored").asLong()).isEqualTo(exported.size());
    assertThat(imported.path("alreadyStored").asLong()).isZero();

    assertThat(identities(export(to))).as("the same events, in the same order").isEqualTo(exported);
    settled(to);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              // the current quarter is evaluated as of now: its rows, not its asOf, must agree
              assertThat(read(to, "/api/v1/teams?limit=1000").path("teams"))
                  .isEqualTo(read(from, "/api/v1/teams?limit=1000").path("teams"));
              assertThat(withoutComputedAt(read(to, "/api/v1/org/rollup")))
                  .isEqualTo(withoutComputedAt(read(from, "/api/v1/org/rollup")));
            });

    JsonNode again = importInto(to, export, 200);
    assertThat(again.path("alreadyStored").asLong())
        .as("sent again, it resumes")
        .isEqualTo(exported.size());
    assertThat(again.path("stored").asLong()).isZero();
  }

  @Test
  void anImportIntoAStoreThatHoldsOtherEventsIsRefusedAndStoresNothing() throws Exception {
    String export = export(from);
    long before = EventCounts.stored(from);
    String withoutTheFirst = export.substring(export.indexOf('\n') + 1);

    HttpResponse<String> refused = post(from, withoutTheFirst);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).path("reason").asText())
        .isEqualTo("store-holds-other-events");
    assertThat(EventCounts.stored(from)).isEqualTo(before);
  }

  private String export(LocalStack stack) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/v1/admin/events/export"))
                .header("Authorization", "Bearer " + stack.adminToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    return answer.body();
  }

  private JsonNode importInto(LocalStack stack, String export, int status) throws Exception {
    HttpResponse<String> answer = post(stack, export);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> post(LocalStack stack, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/v1/admin/events/import"))
            .header("Authorization", "Bearer " + stack.adminToken())
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Each exported event as message id, aggregate and sequence, in the export's order. */
  private static List<String> identities(String export) {
    return export
        .lines()
        .map(
            line -> {
              try {
                JsonNode event = JSON.readTree(line);
                return event.path("messageId").asText()
                    + " "
                    + event.path("aggregateId").asText()
                    + "/"
                    + event.path("sequence").asLong()
                    + " "
                    + event.at("/event/eventId").asText();
              } catch (Exception e) {
                throw new AssertionError(line, e);
              }
            })
        .toList();
  }

  private JsonNode read(LocalStack stack, String path) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.queryUrl() + path))
                .header("Authorization", "Bearer " + stack.adminToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static JsonNode withoutComputedAt(JsonNode rollup) {
    ObjectNode copy = rollup.deepCopy();
    copy.remove("computedAt");
    return copy;
  }

  private static void settled(LocalStack stack) {
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> EventCounts.projected(stack) == EventCounts.stored(stack));
  }
}
