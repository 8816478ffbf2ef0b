package io.plumbline.query.rubric.model;

/** The four SRE practices Plumbline measures. */
public enum Practice {
  SLOS,
  POSTMORTEMS,
  RUNBOOKS,
  TOIL
}
