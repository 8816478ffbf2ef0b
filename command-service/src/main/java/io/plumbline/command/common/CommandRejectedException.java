package io.plumbline.command.common;

import java.util.Map;

/** A command broke an invariant; nothing was stored. */
public class CommandRejectedException extends RuntimeException {

  private final Reason reason;
  private final String field;
  private final transient Map<String, Object> properties;

  public CommandRejectedException(Reason reason, String field, String message) {
    this(reason, field, message, Map.of());
  }

  /**
   * @param properties further members of the problem answered, e.g. every document's outcome
   */
  public CommandRejectedException(
      Reason reason, String field, String message, Map<String, Object> properties) {
    super(message);
    this.reason = reason;
    this.field = field;
    this.properties = Map.copyOf(properties);
  }

  /** Further members of the problem answered, beside reason, field and detail. */
  public Map<String, Object> properties() {
    return properties;
  }

  public Reason reason() {
    return reason;
  }

  /** The offending field of the submission, or {@code null} when no single field is at fault. */
  public String field() {
    return field;
  }
}
