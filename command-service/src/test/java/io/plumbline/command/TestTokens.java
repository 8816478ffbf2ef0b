package io.plumbline.command;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/** The bootstrap admin token of the test configuration, and clients that send tokens. */
public final class TestTokens {

  public static final String ADMIN = "test-admin-token-0123456789abcdef";

  private TestTokens() {}

  /** A client of the service on the port that sends the token with every request. */
  public static TestRestTemplate client(int port, String token) {
    return new TestRestTemplate(
        new RestTemplateBuilder()
            .rootUri("http://127.0.0.1:" + port)
            .additionalInterceptors(
                (request, body, execution) -> {
                  request.getHeaders().setBearerAuth(token);
                  return execution.execute(request, body);
                }));
  }

  /** A client of the service on the port that sends no token of its own. */
  public static TestRestTemplate anonymous(int port) {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
  }
}
