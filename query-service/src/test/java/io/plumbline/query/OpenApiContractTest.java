package io.plumbline.query;

import io.plumbline.conformance.CheckedInContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The OpenAPI document checked into docs/openapi is the one the service serves. */
@EmbeddedInfrastructureTest
class OpenApiContractTest {

  @Autowired TestRestTemplate http;

  @Test
  void theServedApiMatchesTheCheckedInContract() throws Exception {
    CheckedInContract.assertServedMatches(
        http.getForObject("/v3/api-docs", String.class),
        Path.of("../docs/openapi/query-service.json"));
  }
}
