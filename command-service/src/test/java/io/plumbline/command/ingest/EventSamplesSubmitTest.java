package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The checked-in sample of every event type and revision is submittable as it stands, and an
 * identical resubmission of any of them — single or in a batch — is answered {@code DUPLICATE},
 * whatever the team derived from it when it was accepted.
 */
@EmbeddedInfrastructureTest
class EventSamplesSubmitTest {

  /** Samples of every revision: revision 1 of SloDefined is still accepted as submitted. */
  private static final Path SAMPLES = Path.of("../shared-events/src/test/resources/samples");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void everySampleIsAcceptedOnceAndEveryRetryIsADuplicate() throws IOException {
    TestRestTemplate http = TestTokens.anonymous(port);
    String s = UUID.randomUUID().toString().substring(0, 8);
    List<String> samples = samples(s);
    assertThat(samples).hasSize(23);
    for (String group : List.of("engineering", "commerce")) {
      assertThat(
              post(
                      http,
                      "/api/v1/events",
                      "{\"type\":\"GroupDefined\",\"eventId\":\"g-%1$s-%2$s\",\"groupId\":\"%2$s-%1$s\",\"name\":\"%2$s\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
                          .formatted(s, group))
                  .getStatusCode()
                  .value())
          .isEqualTo(202);
    }

    for (String sample : samples) {
      ResponseEntity<String> answer = post(http, "/api/v1/events", sample);
      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
    }
    for (String sample : samples) {
      ResponseEntity<String> retry = post(http, "/api/v1/events", sample);
      assertThat(retry.getStatusCode().value()).as(sample).isEqualTo(200);
      assertThat(json.readTree(retry.getBody()).path("outcome").asText())
          .as(sample)
          .isEqualTo("DUPLICATE");
    }
    JsonNode batch =
        json.readTree(
            post(http, "/api/v1/events/batch", "{\"events\":[" + String.join(",", samples) + "]}")
                .getBody());
    assertThat(batch.path("duplicates").asInt()).as(batch.toString()).isEqualTo(samples.size());
    for (JsonNode result : batch.path("results")) {
      assertThat(result.path("outcome").asText()).as(result.toString()).isEqualTo("DUPLICATE");
    }
  }

  /** The samples in the order they happened, their ids made this run's own. */
  private List<String> samples(String s) throws IOException {
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      return files
          .filter(Files::isRegularFile)
          .map(EventSamplesSubmitTest::read)
          .map(
              sample ->
                  sample
                      .replace("\"evt-", "\"evt-" + s + "-")
                      .replaceAll(
                          "\"(checkout|payments|commerce|engineering|payments-core|edge)\"",
                          "\"$1-" + s + "\""))
          .sorted(Comparator.comparing(this::occurredAt))
          .toList();
    }
  }

  private String occurredAt(String sample) {
    try {
      return json.readTree(sample).path("occurredAt").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResponseEntity<String> post(TestRestTemplate http, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(TestTokens.ADMIN);
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
