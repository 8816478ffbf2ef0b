package io.plumbline.command;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** The bootstrap admin token of the test configuration, and a way to send it. */
public final class TestTokens {

  public static final String ADMIN = "test-admin-token-0123456789abcdef";

  private TestTokens() {}

  /** Makes every request of this template carry the token. */
  public static TestRestTemplate as(TestRestTemplate http, String token) {
    http.getRestTemplate()
        .getInterceptors()
        .add(
            (request, body, execution) -> {
              request.getHeaders().setBearerAuth(token);
              return execution.execute(request, body);
            });
    return http;
  }
}
