package io.plumbline.command.ingest;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal as RFC 9457 problem details: a stable {@code type} per reason, the {@code reason}
 * code, the offending {@code field} and a sentence for humans.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends io.plumbline.service.web.FrameworkProblems {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  /** The problem a refused submission answers with, for any refusal the ingest knows. */
  static Optional<ProblemDetail> problemFor(RuntimeException e) {
    if (e instanceof SubmissionRejectedException rejected) {
      ProblemDetail problem = problem(rejected.status(), rejected.reason(), e.getMessage());
      if (!rejected.errors().isEmpty()) {
        problem.setProperty("field", rejected.errors().get(0).get("field"));
        problem.setProperty("errors", rejected.errors());
      }
      return Optional.of(problem);
    }
    if (e instanceof CommandRejectedException rejected) {
      ProblemDetail problem =
          problem(statusOf(rejected.reason()), rejected.reason().code(), e.getMessage());
      if (rejected.field() != null) {
        problem.setProperty("field", rejected.field());
        problem.setProperty(
            "errors", List.of(Map.of("field", rejected.field(), "message", e.getMessage())));
      }
      rejected.properties().forEach(problem::setProperty);
      return Optional.of(problem);
    }
    if (e instanceof WriterConflictException) {
      return Optional.of(problem(HttpStatus.SERVICE_UNAVAILABLE, "write-conflict", e.getMessage()));
    }
    if (e instanceof AggregateNotFoundException notFound) {
      String id = String.valueOf(notFound.getAggregateIdentifier());
      String teamId = id.startsWith("team:") ? id.substring("team:".length()) : id;
      ProblemDetail problem =
          problem(
              HttpStatus.NOT_FOUND,
              Reason.UNKNOWN_TEAM.code(),
              "Team '%s' is not registered.".formatted(teamId));
      problem.setProperty("field", "teamId");
      return Optional.of(problem);
    }
    return Optional.empty();
  }

  @ExceptionHandler({
    SubmissionRejectedException.class,
    CommandRejectedException.class,
    AggregateNotFoundException.class
  })
  ProblemDetail refused(RuntimeException e) {
    return problemFor(e).orElseThrow(() -> e);
  }

  /** The event store could not be reached: nothing was stored, the client should retry. */
  @ExceptionHandler({
    com.mongodb.MongoException.class,
    org.axonframework.eventsourcing.eventstore.EventStoreException.class,
    org.springframework.dao.DataAccessResourceFailureException.class
  })
  ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
    log.warn("Event store unavailable: {}", e.toString());
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "event-store-unavailable",
            "The event store cannot be reached; what was not answered was not stored. Retry"
                + " later: retries are safe.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }

  /**
   * Writers kept meeting on one team through every attempt: nothing of the event was stored and a
   * retry is safe. Not seen in the suite's fleet of two; here so that it can never be a 500.
   */
  @ExceptionHandler(WriterConflictException.class)
  ResponseEntity<ProblemDetail> writerConflict(WriterConflictException e) {
    log.warn("{}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(problemFor(e).orElseThrow());
  }

  static ProblemDetail problem(HttpStatus status, String reason, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + reason));
    problem.setTitle(title(reason));
    problem.setProperty("reason", reason);
    return problem;
  }

  private static HttpStatus statusOf(Reason reason) {
    return switch (reason.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
    };
  }

  private static String title(String reason) {
    String words = reason.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
