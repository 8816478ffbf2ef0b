package io.plumbline.command.slo.openslo;

/** What became of one document (or one item of a top-level list). */
public enum Outcome {
  /** An SLO, read. */
  READ,
  /** An SLI or AlertPolicy, used by the SLOs that refer to it. */
  USED,
  /** Valid, or not OpenSLO, and of no use to Plumbline: the detail says which. */
  IGNORED,
  /** Could not be read: the detail says why, the field and line where. */
  REFUSED
}
