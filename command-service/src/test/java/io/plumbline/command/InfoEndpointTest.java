package io.plumbline.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator can tell which build answers: {@code /actuator/info} names version and commit. */
@EmbeddedInfrastructureTest
class InfoEndpointTest {

  @LocalServerPort int port;

  @Test
  void theInfoEndpointNamesTheVersionAndTheCommit() throws Exception {
    String body = TestTokens.anonymous(port).getForEntity("/actuator/info", String.class).getBody();
    JsonNode info = new ObjectMapper().readTree(body);

    assertThat(info.at("/build/version").asText()).as(body).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(info.at("/build/artifact").asText()).isEqualTo("command-service");
    assertThat(info.at("/git/commit/id").asText()).as(body).matches("[0-9a-f]{7,40}");
  }
}
