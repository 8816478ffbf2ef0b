package io.plumbline.service.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refusals by the framework itself — an unreadable body, a wrong media type, a route that does not
 * exist — get a type and a reason like every refusal of Plumbline's own, and a sentence in the
 * API's words. Each service's problem advice extends this, ahead of Spring Boot's own.
 */
public abstract class FrameworkProblems extends ResponseEntityExceptionHandler {

  public static final String TYPE_PREFIX = "urn:plumbline:problem:";

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
      // most framework refusals come without a body: theirs is the exception's own
      body = error.getBody();
    }
    if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
      String reason =
          ex instanceof HttpMessageNotReadableException
              ? "malformed-json"
              : HttpStatus.valueOf(status.value())
                  .name()
                  .toLowerCase(Locale.ROOT)
                  .replace('_', '-');
      problem.setType(URI.create(TYPE_PREFIX + reason));
      problem.setProperty("reason", reason);
      if (ex instanceof NoResourceFoundException && request instanceof ServletWebRequest web) {
        problem.setDetail(
            "There is no %s %s here; the API is described at /v3/api-docs."
                .formatted(web.getRequest().getMethod(), web.getRequest().getRequestURI()));
      }
      if (ex instanceof HttpMessageNotReadableException) {
        problem.setDetail("The request body could not be read as the endpoint expects it.");
      }
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }
}
