package io.plumbline.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The OpenAPI document checked into docs/openapi must be the one the service serves. When the API
 * changes on purpose, rerun with -Dplumbline.openapi.update=true to rewrite the file.
 */
@EmbeddedInfrastructureTest
class OpenApiContractTest {

  private static final Path CHECKED_IN = Path.of("../docs/openapi/query-service.json");

  @Autowired TestRestTemplate http;

  @Test
  void theServedApiMatchesTheCheckedInContract() throws Exception {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode served = (ObjectNode) json.readTree(http.getForObject("/v3/api-docs", String.class));
    if (Boolean.getBoolean("plumbline.openapi.update")) {
      Files.writeString(CHECKED_IN, json.writeValueAsString(served) + "\n");
    }
    assertThat(Files.exists(CHECKED_IN))
        .as("%s is missing; run with -Dplumbline.openapi.update=true", CHECKED_IN)
        .isTrue();
    JsonNode checkedIn = json.readTree(CHECKED_IN.toFile());

    assertThat(served)
        .as(
            "The served API differs from %s; if the change is intended, rerun with"
                + " -Dplumbline.openapi.update=true and commit the file",
            CHECKED_IN)
        .isEqualTo(checkedIn);
  }
}
