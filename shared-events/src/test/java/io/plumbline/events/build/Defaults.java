package io.plumbline.events.build;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The one story the builders tell unless told otherwise: the checkout team's api, in January. */
final class Defaults {

  static final String TEAM_ID = "checkout";
  static final String GROUP_ID = "payments";
  static final String SERVICE_ID = "api";
  static final String SLO_ID = "availability";
  static final String INCIDENT_ID = "INC-1";
  static final String POSTMORTEM_ID = "PM-1";
  static final String RUNBOOK_ID = "rb-1";
  static final String ALERT = "HighErrorRate";
  static final String EXEMPTION_ID = "exemption-1";
  static final Instant OCCURRED_AT = Instant.parse("2026-01-05T09:00:00Z");

  /** Unique across runs that share a store: this run's prefix, then a counter. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static final AtomicLong BUILT = new AtomicLong();

  private Defaults() {}

  static String nextEventId() {
    return "evt-" + RUN + "-" + BUILT.incrementAndGet();
  }
}
