package io.plumbline.query.web;

import io.plumbline.query.refusal.RequestRefused;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals as RFC 9457 problem details, typed like the command service's: each kind its status. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends io.plumbline.service.web.FrameworkProblems {

  @ExceptionHandler(RequestRefused.class)
  ProblemDetail refused(RequestRefused e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(e.kind()), e.getMessage());
    problem.setType(URI.create("urn:plumbline:problem:" + e.reason()));
    // titled by the reason, as the command service's problems are: "Invalid filter"
    String words = e.reason().replace('-', ' ');
    problem.setTitle(Character.toUpperCase(words.charAt(0)) + words.substring(1));
    problem.setProperty("reason", e.reason());
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    return problem;
  }

  static HttpStatus status(RequestRefused.Kind kind) {
    return switch (kind) {
      case MALFORMED -> HttpStatus.BAD_REQUEST;
      case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
  }
}
