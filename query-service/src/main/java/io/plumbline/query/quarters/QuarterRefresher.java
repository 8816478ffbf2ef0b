package io.plumbline.query.quarters;

import io.plumbline.query.rubric.admin.ActiveRubric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives {@link TeamQuarters}: recomputes dirty teams continuously, and marks the current (and
 * just-closed) quarter of every team on a schedule, because levels follow the clock — a review ages
 * out of its window with no new event.
 */
@Component
class QuarterRefresher {

  private static final Logger log = LoggerFactory.getLogger(QuarterRefresher.class);

  private final TeamQuarters quarters;
  private final DirtyMarks marks;
  private final ActiveRubric rubric;
  private final Clock clock;
  private final Duration quiet;
  private final Duration maxWait;
  private final FleetTurns turns;
  private final Duration clockRefreshInterval;

  QuarterRefresher(
      TeamQuarters quarters,
      DirtyMarks marks,
      ActiveRubric rubric,
      Clock clock,
      @Value("${plumbline.rollups.quiet:1s}") Duration quiet,
      @Value("${plumbline.rollups.max-wait:10s}") Duration maxWait,
      FleetTurns turns,
      @Value("${plumbline.rollups.clock-refresh-interval:1h}") Duration clockRefreshInterval) {
    this.quarters = quarters;
    this.marks = marks;
    this.rubric = rubric;
    this.clock = clock;
    this.quiet = quiet;
    this.maxWait = maxWait;
    this.turns = turns;
    this.clockRefreshInterval = clockRefreshInterval;
  }

  /**
   * Rows stored before a team-quarter had its name, service tiers and next steps are recomputed
   * once after an upgrade (every replica may mark them: marking twice is marking once).
   */
  @org.springframework.context.event.EventListener(
      org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void recomputeRowsOfAnOlderShape() {
    int teams = marks.markRowsWithout("nextSteps");
    if (teams > 0) {
      log.info(
          "{} team(s) have figures stored before next steps were kept; recomputing them", teams);
    }
  }

  @Scheduled(fixedDelayString = "${plumbline.rollups.refresh-interval:500ms}")
  void refreshDirtyTeams() {
    try {
      while (quarters.refresh(quiet, maxWait, 200) > 0) {
        // keep going while whole batches are ready
      }
    } catch (RuntimeException e) {
      log.warn("Refreshing quarterly figures failed; will retry: {}", e.toString());
    }
  }

  /**
   * Once per {@code plumbline.rollups.clock-refresh-interval} for the whole fleet (one replica
   * marks the teams; every replica's refresher shares the recomputation through the marks).
   */
  @Scheduled(
      fixedDelayString = "${plumbline.rollups.clock-refresh-check:1m}",
      initialDelayString = "${plumbline.rollups.clock-refresh-check:1m}")
  void followTheClock() {
    Instant now = clock.instant();
    if (turns.claim("clock-refresh", clockRefreshInterval, now)) {
      marks.markAllTeams(rubric.calendar().quarterOf(now).previous());
    }
  }
}
