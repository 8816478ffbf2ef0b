package io.plumbline.command.common;

/** A stable, machine-readable reason for refusing a command; part of the API contract. */
public enum Reason {
  WRONG_TEAM(Kind.FORBIDDEN),
  ADMIN_ONLY(Kind.FORBIDDEN),
  EXEMPTIONS_ONLY(Kind.FORBIDDEN),
  UNKNOWN_GROUP(Kind.NOT_FOUND),
  UNKNOWN_TEAM(Kind.NOT_FOUND),
  UNKNOWN_SERVICE(Kind.NOT_FOUND),
  UNKNOWN_SLO(Kind.NOT_FOUND),
  UNKNOWN_INCIDENT(Kind.NOT_FOUND),
  UNKNOWN_POSTMORTEM(Kind.NOT_FOUND),
  UNKNOWN_ACTION_ITEM(Kind.NOT_FOUND),
  UNKNOWN_RUNBOOK(Kind.NOT_FOUND),
  UNKNOWN_TOKEN(Kind.NOT_FOUND),
  UNKNOWN_EXEMPTION(Kind.NOT_FOUND),
  EVENT_ID_REUSED(Kind.CONFLICT),
  ALREADY_EXISTS(Kind.CONFLICT),
  TEAM_RETIRED(Kind.CONFLICT),
  SLO_RETIRED(Kind.CONFLICT),
  SERVICE_RETIRED(Kind.CONFLICT),
  RUNBOOK_RETIRED(Kind.CONFLICT),
  ACTION_ITEM_CLOSED(Kind.CONFLICT),
  EXEMPTION_REVOKED(Kind.CONFLICT),
  ALREADY_IN_GROUP(Kind.CONFLICT),
  NOT_IN_GROUP(Kind.CONFLICT),
  GROUP_PARENT_CHANGED(Kind.CONFLICT),
  DATED_BEFORE_START(Kind.CONFLICT),
  EVIDENCE_AFTER_END(Kind.CONFLICT),
  OVERLAPPING_PERIOD(Kind.CONFLICT),
  STORE_HOLDS_OTHER_EVENTS(Kind.CONFLICT),
  OBJECTIVE_OUT_OF_RANGE(Kind.INVALID),
  WINDOW_OUT_OF_RANGE(Kind.INVALID),
  TIER_OUT_OF_RANGE(Kind.INVALID),
  SELF_PARENT(Kind.INVALID),
  TEAM_SCOPE_MISMATCH(Kind.INVALID),
  INVALID_OPENSLO(Kind.INVALID),
  NO_SLOS(Kind.INVALID),
  RESOLVED_BEFORE_START(Kind.INVALID),
  DUPLICATE_ACTION_ITEM(Kind.INVALID),
  HOURS_OUT_OF_RANGE(Kind.INVALID),
  TOIL_EXCEEDS_OPS(Kind.INVALID),
  PERIOD_ENDS_BEFORE_START(Kind.INVALID),
  UNKNOWN_CRITERION(Kind.INVALID),
  EXPIRY_NOT_AFTER_GRANT(Kind.INVALID),
  INVALID_EXPORT_LINE(Kind.INVALID);

  /** How a reason relates to the request, independent of any transport. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID,
    FORBIDDEN
  }

  private final Kind kind;

  Reason(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The reason's code as it appears in problem types: {@code OBJECTIVE_OUT_OF_RANGE} → {@code
   * objective-out-of-range}.
   */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
