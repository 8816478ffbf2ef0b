package io.plumbline.command.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The event store's export lists every stored event with where it was stored, and an import refuses
 * a store that holds other events or a line that is not an exported event (the test's store is
 * shared, so it always holds events; the full move is in MoveTheDataTest).
 */
@EmbeddedInfrastructureTest
class TransferApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private String submitTeam(TestRestTemplate admin) {
    String s = UUID.randomUUID().toString().substring(0, 8);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (String event :
        List.of(
            "{\"type\":\"GroupDefined\",\"eventId\":\"g-%s\",\"groupId\":\"g-%s\",\"name\":\"G\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
                .formatted(s, s),
            "{\"type\":\"TeamRegistered\",\"eventId\":\"t-%s\",\"teamId\":\"t-%s\",\"name\":\"T\",\"groupId\":\"g-%s\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
                .formatted(s, s, s))) {
      assertThat(
              admin
                  .postForEntity("/api/v1/events", new HttpEntity<>(event, headers), String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(202);
    }
    return "t-" + s;
  }

  @Test
  void theExportListsEveryStoredEventWithWhereItWasStored() throws Exception {
    TestRestTemplate admin = TestTokens.client(port, TestTokens.ADMIN);
    String team = submitTeam(admin);

    ResponseEntity<String> export = admin.getForEntity("/api/v1/admin/events/export", String.class);

    assertThat(export.getStatusCode().value()).isEqualTo(200);
    assertThat(export.getHeaders().getContentType().toString()).isEqualTo("application/x-ndjson");
    List<JsonNode> lines =
        export.getBody().lines().map(this::parse).filter(l -> l != null).toList();
    JsonNode registration =
        lines.stream()
            .filter(l -> l.at("/event/teamId").asText().equals(team))
            .findFirst()
            .orElseThrow();
    assertThat(registration.path("aggregateId").asText()).isEqualTo("team:" + team);
    assertThat(registration.path("sequence").asLong()).isZero();
    assertThat(registration.at("/event/type").asText()).isEqualTo("TeamRegistered");
    assertThat(lines.stream().map(l -> l.path("position").asLong()).toList())
        .as("in store order")
        .isSorted();
  }

  @Test
  void anImportIntoAStoreThatHoldsOtherEventsOrOfALineThatIsNoEventIsRefused() throws Exception {
    TestRestTemplate admin = TestTokens.client(port, TestTokens.ADMIN);
    submitTeam(admin);
    String first = admin.getForObject("/api/v1/admin/events/export?limit=1", String.class).strip();
    String foreign = first.replaceFirst("\"messageId\":\"[^\"]*\"", "\"messageId\":\"elsewhere\"");

    JsonNode other = json.readTree(post(admin, foreign).getBody());
    JsonNode garbage = json.readTree(post(admin, "{\"position\":1}").getBody());

    assertThat(other.path("status").asInt()).isEqualTo(409);
    assertThat(other.path("reason").asText()).isEqualTo("store-holds-other-events");
    assertThat(garbage.path("status").asInt()).isEqualTo(422);
    assertThat(garbage.path("reason").asText()).isEqualTo("invalid-export-line");
    assertThat(garbage.path("field").asText()).isEqualTo("line 1");
  }

  @Test
  void onlyAnAdminMovesTheStore() {
    assertThat(
            TestTokens.anonymous(port)
                .getForEntity("/api/v1/admin/events/export?limit=1", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
  }

  private ResponseEntity<String> post(TestRestTemplate admin, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
    return admin.postForEntity(
        "/api/v1/admin/events/import", new HttpEntity<>(body + "\n", headers), String.class);
  }

  private JsonNode parse(String line) {
    try {
      return line.isBlank() ? null : json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
