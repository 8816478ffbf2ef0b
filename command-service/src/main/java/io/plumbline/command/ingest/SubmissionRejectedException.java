package io.plumbline.command.ingest;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A submission that could not become a command: bad JSON, a bad field, an unknown type. */
class SubmissionRejectedException extends RuntimeException {

  private final HttpStatus status;
  private final String reason;
  private final List<Map<String, String>> errors;

  SubmissionRejectedException(
      HttpStatus status, String reason, String message, List<Map<String, String>> errors) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.errors = errors;
  }

  SubmissionRejectedException(HttpStatus status, String reason, String field, String message) {
    this(status, reason, message, field == null ? List.of() : List.of(error(field, message)));
  }

  static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  HttpStatus status() {
    return status;
  }

  String reason() {
    return reason;
  }

  List<Map<String, String>> errors() {
    return errors;
  }
}
