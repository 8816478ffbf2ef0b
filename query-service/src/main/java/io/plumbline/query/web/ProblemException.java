package io.plumbline.query.web;

import org.springframework.http.HttpStatus;

/** A read refused with a stable reason and the parameter at fault. */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String reason;
  private final String field;

  public ProblemException(HttpStatus status, String reason, String field, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.field = field;
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String field() {
    return field;
  }
}
