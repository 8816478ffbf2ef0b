package io.plumbline.query.refusal;

/**
 * A read or an admin request the query side refuses, in its own words: what kind of refusal, a
 * stable machine-readable reason, the field at fault (if one is) and a sentence for a human. The
 * web edge alone turns it into a problem detail; nothing below it knows HTTP.
 */
public class RequestRefused extends RuntimeException {

  /** What the refusal says about the request; the web edge gives each kind its status. */
  public enum Kind {
    /** A parameter cannot be read at all (a quarter that is not a quarter). */
    MALFORMED,
    /** A request that reads well but asks for what cannot be (a filter, a campaign, a rubric). */
    INVALID,
    /** What was asked for does not exist. */
    NOT_FOUND,
    /** Not now: the request conflicts with the state of things (a quarter still open). */
    CONFLICT
  }

  private final Kind kind;
  private final String reason;
  private final String field;

  public RequestRefused(Kind kind, String reason, String field, String message) {
    super(message);
    this.kind = kind;
    this.reason = reason;
    this.field = field;
  }

  /** A filter whose value cannot be taken: {@code invalid-filter}, naming the filter. */
  public static RequestRefused invalidFilter(String name, String message) {
    return new RequestRefused(Kind.INVALID, "invalid-filter", name, message);
  }

  public Kind kind() {
    return kind;
  }

  public String reason() {
    return reason;
  }

  /** The parameter or field at fault, or null when the refusal is about the whole request. */
  public String field() {
    return field;
  }
}
