package io.plumbline.events.postmortem;

/** Incident severity; SEV1 is the worst. */
public enum Severity {
  SEV1,
  SEV2,
  SEV3,
  SEV4
}
