package io.plumbline.query.web;

import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused reads as RFC 9457 problem details, typed like the command service's. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends io.plumbline.service.web.FrameworkProblems {

  @ExceptionHandler(ProblemException.class)
  ProblemDetail refused(ProblemException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
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
}
