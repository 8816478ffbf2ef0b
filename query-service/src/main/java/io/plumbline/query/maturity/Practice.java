package io.plumbline.query.maturity;

/** The four SRE practices Plumbline measures. */
public enum Practice {
  SLOS,
  POSTMORTEMS,
  RUNBOOKS,
  TOIL
}
