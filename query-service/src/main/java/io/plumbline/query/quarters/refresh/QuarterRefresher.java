package io.plumbline.query.quarters.refresh;

import io.plumbline.query.quarters.store.DirtyMarks;
import io.plumbline.query.quarters.store.ScheduledJobClaims;
import io.plumbline.query.rubric.store.ActiveRubric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks teams whose figures are owed though no fact arrived: every team's current (and just-closed)
 * quarter on a schedule, because levels follow the clock — a review ages out of its window with no
 * new event — and rows of an older shape after an upgrade. The {@link Drain} recomputes them.
 */
@Component
public class QuarterRefresher {

  private static final Logger log = LoggerFactory.getLogger(QuarterRefresher.class);

  private final DirtyMarks marks;
  private final ActiveRubric rubric;
  private final Clock clock;
  private final ScheduledJobClaims turns;
  private final Duration clockRefreshInterval;

  public QuarterRefresher(
      DirtyMarks marks,
      ActiveRubric rubric,
      Clock clock,
      ScheduledJobClaims turns,
      @Value("${plumbline.rollups.clock-refresh-interval:1h}") Duration clockRefreshInterval) {
    this.marks = marks;
    this.rubric = rubric;
    this.clock = clock;
    this.turns = turns;
    this.clockRefreshInterval = clockRefreshInterval;
  }

  /**
   * Rows stored before a team-quarter had its name, service tiers and next steps are recomputed
   * once after an upgrade (every replica may mark them: marking twice is marking once).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void recomputeRowsOfAnOlderShape() {
    int teams = marks.markRowsWithout("nextSteps");
    if (teams > 0) {
      log.info(
          "{} team(s) have figures stored before next steps were kept; recomputing them", teams);
    }
  }

  /**
   * Once per {@code plumbline.rollups.clock-refresh-interval} for the whole fleet (one replica
   * marks the teams; every replica's drain shares the recomputation through the marks).
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
