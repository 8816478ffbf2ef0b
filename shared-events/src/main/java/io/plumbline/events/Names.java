package io.plumbline.events;

/**
 * The shape of every human-readable name in the contract (groups, teams, services, objectives): any
 * text without control characters, which would otherwise reach exports, dashboards and logs.
 */
public final class Names {

  /** No control characters (NUL, line breaks, escape …). */
  public static final String PATTERN = "^[^\\p{Cntrl}]*$";

  public static final String PATTERN_MESSAGE = "must not contain control characters";

  private Names() {}
}
