package io.plumbline.events;

/** The shape of every client-chosen identifier in the contract: event, team, SLO, runbook ids. */
public final class Ids {

  /** Letters, digits, dot, dash, underscore and colon; 1 to 128 characters. */
  public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$";

  public static final String PATTERN_MESSAGE =
      "must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

  private Ids() {}
}
