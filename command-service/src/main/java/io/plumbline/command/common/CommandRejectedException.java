package io.plumbline.command.common;

/** A command broke an invariant; nothing was stored. */
public class CommandRejectedException extends RuntimeException {

  private final Reason reason;
  private final String field;

  public CommandRejectedException(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  /** The offending field of the submission, or {@code null} when no single field is at fault. */
  public String field() {
    return field;
  }
}
