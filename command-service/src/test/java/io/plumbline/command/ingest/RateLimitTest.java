package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

@EmbeddedInfrastructureTest
@TestPropertySource(properties = "plumbline.ingest.requests-per-minute-per-token=3")
class RateLimitTest {

  @LocalServerPort int port;
  TestRestTemplate http;

  @org.junit.jupiter.api.BeforeEach
  void client() {
    http = TestTokens.anonymous(port);
  }

  @Test
  void aTokenOverItsRateIsToldWhenToRetry() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(TestTokens.ADMIN);
    HttpEntity<String> request = new HttpEntity<>("{\"type\":\"Nothing\"}", headers);

    for (int i = 0; i < 3; i++) {
      assertThat(
              http.postForEntity("/api/v1/events", request, String.class).getStatusCode().value())
          .isEqualTo(400);
    }
    ResponseEntity<String> limited = http.postForEntity("/api/v1/events", request, String.class);

    assertThat(limited.getStatusCode().value()).isEqualTo(429);
    assertThat(limited.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
    assertThat(limited.getBody()).contains("\"reason\":\"rate-limited\"");
  }
}
