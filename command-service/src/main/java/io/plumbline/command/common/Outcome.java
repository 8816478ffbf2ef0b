package io.plumbline.command.common;

/** What became of an accepted command. */
public enum Outcome {
  /** The event was stored now. */
  ACCEPTED,
  /** The same event was stored before; nothing changed. */
  DUPLICATE
}
