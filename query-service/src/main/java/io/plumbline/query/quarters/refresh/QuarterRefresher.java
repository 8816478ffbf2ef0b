package io.plumbline.query.quarters.refresh;

import io.plumbline.query.quarters.store.DirtyMarks;
import io.plumbline.query.quarters.store.DirtyTeam;
import io.plumbline.query.quarters.store.ScheduledJobClaims;
import io.plumbline.query.quarters.store.TeamQuarters;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.store.ActiveRubric;
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
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
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
public class QuarterRefresher {

  private static final Logger log = LoggerFactory.getLogger(QuarterRefresher.class);

  private final TeamQuarters quarters;
  private final DirtyMarks marks;
  private final ActiveRubric rubric;
  private final Clock clock;
  private final Duration quiet;
  private final Duration maxWait;
  private final ScheduledJobClaims turns;
  private final Duration clockRefreshInterval;

  /** How many teams a worker recomputes per round. */
  private static final int ROUND = 200;

  /** How many rounds run side by side; the scheduling thread is one of them. */
  private final int workers;

  private final ExecutorService extraWorkers;

  /**
   * How long the rollups wait at most during a long drain of marks; well within the lease on a
   * team's mark (a minute), which is held until its quarters are rolled up.
   */
  private static final Duration ROLLUP_EVERY = Duration.ofSeconds(20);

  public QuarterRefresher(
      TeamQuarters quarters,
      DirtyMarks marks,
      ActiveRubric rubric,
      Clock clock,
      @Value("${plumbline.rollups.quiet:1s}") Duration quiet,
      @Value("${plumbline.rollups.max-wait:10s}") Duration maxWait,
      ScheduledJobClaims turns,
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
  public void recomputeRowsOfAnOlderShape() {
    int teams = marks.markRowsWithout("nextSteps");
    if (teams > 0) {
      log.info(
          "{} team(s) have figures stored before next steps were kept; recomputing them", teams);
    }
  }

  /**
   * Drains the marks that are ready: each round claims up to 200 teams per worker and the workers
   * recompute their share side by side (one waits on the store while another computes). The rollups
   * of the quarters they touched follow once the marks are drained, and every {@link #ROLLUP_EVERY}
   * during a long drain (a replay, the clock refresh); only then are the teams' marks removed, so
   * that a replica that dies in between leaves them claimed, and another recomputes and rolls them
   * up once the lease has run out.
   */
  @Scheduled(fixedDelayString = "${plumbline.rollups.refresh-interval:500ms}")
  void refreshDirtyTeams() {
    Owed owed = new Owed();
    long rolledUpAt = System.nanoTime();
    try {
      int teams;
      do {
        TeamQuarters.Claimed claimed = quarters.claim(quiet, maxWait, ROUND * workers);
        teams = recomputeSideBySide(claimed, owed);
        if (teams > 0 && System.nanoTime() - rolledUpAt < ROLLUP_EVERY.toNanos()) {
          continue;
        }
        owed.settle(quarters);
        rolledUpAt = System.nanoTime();
      } while (teams > 0);
    } catch (RuntimeException e) {
      log.warn("Refreshing quarterly figures failed; will retry: {}", e.toString());
      try {
        owed.settle(quarters); // the rows written before the failure still roll up
      } catch (RuntimeException again) {
        log.warn(
            "Rolling up quarters {} failed; their teams' marks stay claimed until the lease runs"
                + " out, then they are recomputed and rolled up: {}",
            owed.quarters,
            again.toString());
      }
    }
  }

  /**
   * What the rounds of a drain owe until the rollups are done: the quarters they touched, the marks
   * of the teams they recomputed, and the rubric and instant of the latest claim.
   */
  private static final class Owed {
    private final Set<Quarter> quarters = new TreeSet<>();
    private final List<DirtyTeam> marks = new ArrayList<>();
    private TeamQuarters.Claimed latest;

    void add(TeamQuarters.Claimed claimed, TeamQuarters.Round round) {
      latest = claimed;
      quarters.addAll(round.touched());
      marks.addAll(round.handled());
    }

    /** Rolls the quarters up, then removes the marks (unless they were marked again). */
    void settle(TeamQuarters teamQuarters) {
      if (latest == null) {
        return;
      }
      teamQuarters.rollUp(quarters, latest.inForce(), latest.now());
      quarters.clear();
      teamQuarters.finish(marks);
      marks.clear();
    }
  }

  /**
   * The claimed teams, a share per worker; this thread is the first worker. What each share did is
   * added to {@code owed} even when another share failed.
   *
   * @return how many teams were recomputed
   */
  private int recomputeSideBySide(TeamQuarters.Claimed claimed, Owed owed) {
    if (claimed.marks().isEmpty()) {
      return 0;
    }
    List<TeamQuarters.Claimed> shares = claimed.split(workers);
    List<FutureTask<TeamQuarters.Round>> others = new ArrayList<>();
    for (TeamQuarters.Claimed share : shares.subList(1, shares.size())) {
      FutureTask<TeamQuarters.Round> task = new FutureTask<>(() -> quarters.recompute(share));
      try {
        extraWorkers.execute(task);
      } catch (RejectedExecutionException stopping) {
        task.run(); // the service is stopping: this thread does the share itself
      }
      others.add(task);
    }
    int teams = 0;
    RuntimeException failed = null;
    try {
      TeamQuarters.Round round = quarters.recompute(shares.get(0));
      owed.add(claimed, round);
      teams += round.teams();
    } catch (RuntimeException e) {
      failed = e;
    }
    for (FutureTask<TeamQuarters.Round> other : others) {
      try {
        TeamQuarters.Round round = other.get();
        owed.add(claimed, round);
        teams += round.teams();
      } catch (ExecutionException e) {
        failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = new IllegalStateException(e);
      }
    }
    if (failed != null) {
      throw failed;
    }
    return teams;
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
