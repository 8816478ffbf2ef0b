package io.plumbline.query.quarters;

import io.plumbline.query.rubric.Quarter;
import io.plumbline.query.rubric.admin.ActiveRubric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /** How many teams a worker recomputes per round. */
  private static final int ROUND = 200;

  /** How many rounds run side by side; the scheduling thread is one of them. */
  private final int workers;

  private final ExecutorService extraWorkers;

  /** How long the rollups wait at most during a long drain of marks. */
  private static final Duration ROLLUP_EVERY = Duration.ofSeconds(30);

  QuarterRefresher(
      TeamQuarters quarters,
      DirtyMarks marks,
      ActiveRubric rubric,
      Clock clock,
      @Value("${plumbline.rollups.quiet:1s}") Duration quiet,
      @Value("${plumbline.rollups.max-wait:10s}") Duration maxWait,
      FleetTurns turns,
      @Value("${plumbline.rollups.clock-refresh-interval:1h}") Duration clockRefreshInterval,
      @Value("${plumbline.rollups.workers:2}") int workers) {
    this.workers = Math.max(1, workers);
    this.extraWorkers =
        this.workers == 1
            ? null
            : Executors.newFixedThreadPool(
                this.workers - 1,
                new org.springframework.scheduling.concurrent.CustomizableThreadFactory(
                    "quarters-worker-"));
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

  /**
   * Drains the marks that are ready: each round claims up to 200 teams per worker and the workers
   * recompute their share side by side (one waits on the store while another computes); the rollups
   * of the quarters they touched follow once the marks are drained, and every {@link #ROLLUP_EVERY}
   * during a long drain (a replay, the clock refresh) so that they never lag far behind.
   */
  @Scheduled(fixedDelayString = "${plumbline.rollups.refresh-interval:500ms}")
  void refreshDirtyTeams() {
    Set<Quarter> owed = new TreeSet<>();
    TeamQuarters.Round last = null;
    long rolledUpAt = System.nanoTime();
    try {
      int teams;
      do {
        TeamQuarters.Claimed claimed = quarters.claim(quiet, maxWait, ROUND * workers);
        teams = 0;
        for (TeamQuarters.Round round : recomputeSideBySide(claimed, owed)) {
          teams += round.teams();
          last = round;
        }
        if (last == null || teams > 0 && System.nanoTime() - rolledUpAt < ROLLUP_EVERY.toNanos()) {
          continue;
        }
        quarters.rollUp(owed, last.inForce(), last.now());
        owed.clear();
        rolledUpAt = System.nanoTime();
      } while (teams > 0);
    } catch (RuntimeException e) {
      log.warn("Refreshing quarterly figures failed; will retry: {}", e.toString());
      if (last != null && !owed.isEmpty()) {
        rollUpAfterFailure(owed, last);
      }
    }
  }

  /**
   * The claimed teams, a share per worker; this thread is the first worker. The quarters each share
   * touched are added to {@code owed} even when another share failed.
   */
  private List<TeamQuarters.Round> recomputeSideBySide(
      TeamQuarters.Claimed claimed, Set<Quarter> owed) {
    List<TeamQuarters.Claimed> shares = claimed.split(workers);
    if (shares.size() <= 1) {
      TeamQuarters.Round round = quarters.recompute(claimed);
      owed.addAll(round.touched());
      return List.of(round);
    }
    List<Future<TeamQuarters.Round>> others = new ArrayList<>();
    for (TeamQuarters.Claimed share : shares.subList(1, shares.size())) {
      others.add(extraWorkers.submit(() -> quarters.recompute(share)));
    }
    List<TeamQuarters.Round> rounds = new ArrayList<>();
    RuntimeException failed = null;
    try {
      rounds.add(quarters.recompute(shares.get(0)));
    } catch (RuntimeException e) {
      failed = e;
    }
    for (Future<TeamQuarters.Round> other : others) {
      try {
        rounds.add(other.get());
      } catch (ExecutionException e) {
        failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = new IllegalStateException(e);
      }
    }
    rounds.forEach(round -> owed.addAll(round.touched()));
    if (failed != null) {
      throw failed;
    }
    return rounds;
  }

  /** The rows of these quarters were written before the failure: their rollups still follow. */
  private void rollUpAfterFailure(Set<Quarter> owed, TeamQuarters.Round round) {
    try {
      quarters.rollUp(owed, round.inForce(), round.now());
    } catch (RuntimeException e) {
      log.warn(
          "Rolling up quarters {} failed; the next change rolls them up: {}", owed, e.toString());
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

  @jakarta.annotation.PreDestroy
  void stopWorkers() {
    if (extraWorkers != null) {
      extraWorkers.shutdownNow();
    }
  }
}
