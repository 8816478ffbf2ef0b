package io.plumbline.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details, like every other refusal. */
public class ProblemResponses {

  private final ObjectMapper json;

  public ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  public AuthenticationEntryPoint unauthenticated() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"plumbline\"");
      write(
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthenticated",
          "A valid bearer token is required: Authorization: Bearer plt_…");
    };
  }

  public AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(
            response,
            HttpStatus.FORBIDDEN,
            "insufficient-scope",
            "This token's scope does not allow "
                + request.getMethod()
                + " "
                + request.getRequestURI());
  }

  private void write(HttpServletResponse response, HttpStatus status, String reason, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:plumbline:problem:" + reason));
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("reason", reason);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
