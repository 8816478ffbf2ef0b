package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer at the edges is a problem with a reason, whoever produced it: Tomcat refusing
 * headers before the application sees them, or a route that does not exist.
 */
@EmbeddedInfrastructureTest
class EdgeAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void headersTooLargeForTomcatAreAProblemWithAReasonNotAnHtmlPage() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .header("X-Padding", "x".repeat(20_000))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("reason").asText()).isEqualTo("bad-request");
    assertThat(answer.body()).doesNotContain("<html", "Tomcat");
  }

  @Test
  void anUnknownRouteIsANotFoundProblemWithAReason() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/nothing-here"))
                .header("Authorization", "Bearer " + TestTokens.ADMIN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(404);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("reason").asText()).as(answer.body()).isEqualTo("not-found");
    assertThat(problem.path("type").asText()).isNotEqualTo("about:blank");
  }

  @Test
  void aWrongMethodIsAMethodNotAllowedProblemNamingTheAllowedOnes() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .header("Authorization", "Bearer " + TestTokens.ADMIN)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(answer.body()).path("reason").asText())
        .as(answer.body())
        .isEqualTo("method-not-allowed");
  }
}
