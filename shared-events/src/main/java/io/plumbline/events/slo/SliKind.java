package io.plumbline.events.slo;

/** What a service level indicator measures. */
public enum SliKind {
  AVAILABILITY,
  LATENCY,
  FRESHNESS,
  CORRECTNESS,
  THROUGHPUT
}
