package io.plumbline.query.rollup;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives {@link QuarterlyFigures}: recomputes dirty teams continuously, and the current (and
 * just-closed) quarter of every team on a schedule, because levels follow the clock — a review ages
 * out of its window with no new event.
 */
@Component
class RollupRefresher {

  private static final Logger log = LoggerFactory.getLogger(RollupRefresher.class);

  private final QuarterlyFigures figures;
  private final Clock clock;
  private final Duration quiet;
  private final Duration maxWait;

  RollupRefresher(
      QuarterlyFigures figures,
      Clock clock,
      @Value("${plumbline.rollups.quiet:1s}") Duration quiet,
      @Value("${plumbline.rollups.max-wait:10s}") Duration maxWait) {
    this.figures = figures;
    this.clock = clock;
    this.quiet = quiet;
    this.maxWait = maxWait;
  }

  @Scheduled(fixedDelayString = "${plumbline.rollups.refresh-interval:500ms}")
  void refreshDirtyTeams() {
    try {
      while (figures.refresh(quiet, maxWait, 200) > 0) {
        // keep going while whole batches are ready
      }
    } catch (RuntimeException e) {
      log.warn("Refreshing quarterly figures failed; will retry: {}", e.toString());
    }
  }

  @Scheduled(
      fixedDelayString = "${plumbline.rollups.clock-refresh-interval:1h}",
      initialDelayString = "${plumbline.rollups.clock-refresh-interval:1h}")
  void followTheClock() {
    var calendar = figures.rubricCalendar();
    figures.markAllTeams(calendar.quarterOf(clock.instant()).previous());
  }
}
