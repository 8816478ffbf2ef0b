package io.plumbline.query.quarters.refresh;

import io.plumbline.query.quarters.model.QuartersChanged;
import io.plumbline.query.quarters.store.Claimed;
import io.plumbline.query.quarters.store.DirtyMarks;
import io.plumbline.query.quarters.store.DirtyTeam;
import io.plumbline.query.quarters.store.TeamQuarters;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.RubricInForce;
import io.plumbline.query.rubric.store.ActiveRubric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Drains the dirty marks, on every replica: claims a round of marked teams (a lease on each, so
 * that one replica at a time recomputes a team), recomputes them side by side, rolls up the
 * quarters they touched, and only then finishes their marks. A replica that dies in between leaves
 * its marks claimed; another takes them once the lease runs out.
 */
@Component
public class Drain {

  private static final Logger log = LoggerFactory.getLogger(Drain.class);

  /** How many teams a worker recomputes per round. */
  private static final int ROUND = 200;

  /** How long a claim on a team's mark holds if its replica dies before it is done. */
  private static final Duration CLAIM = Duration.ofMinutes(1);

  /**
   * How long the rollups wait at most during a long drain of marks; well within the lease on a
   * team's mark (a minute), which is held until its quarters are rolled up.
   */
  private static final Duration ROLLUP_EVERY = Duration.ofSeconds(20);

  /** Which replica this is, for the claims it holds on marks. */
  private final String replica = UUID.randomUUID().toString();

  private final TeamQuarters quarters;
  private final DirtyMarks marks;
  private final ActiveRubric rubric;
  private final List<QuartersChanged> listeners;
  private final Clock clock;
  private final Duration quiet;
  private final Duration maxWait;

  /** How many rounds run side by side; the scheduling thread is one of them. */
  private final int workers;

  private final ExecutorService extraWorkers;

  public Drain(
      TeamQuarters quarters,
      DirtyMarks marks,
      ActiveRubric rubric,
      List<QuartersChanged> listeners,
      Clock clock,
      @Value("${plumbline.rollups.quiet:1s}") Duration quiet,
      @Value("${plumbline.rollups.max-wait:10s}") Duration maxWait,
      @Value("${plumbline.rollups.workers:2}") int workers) {
    this.quarters = quarters;
    this.marks = marks;
    this.rubric = rubric;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
    this.quiet = quiet;
    this.maxWait = maxWait;
    this.workers = Math.max(1, workers);
    this.extraWorkers =
        this.workers == 1
            ? null
            : Executors.newFixedThreadPool(
                this.workers - 1, new CustomizableThreadFactory("quarters-worker-"));
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
  void drain() {
    Owed owed = new Owed();
    long rolledUpAt = System.nanoTime();
    try {
      int teams;
      do {
        Claimed claimed = claim(ROUND * workers);
        teams = recomputeSideBySide(claimed, owed);
        if (teams > 0 && System.nanoTime() - rolledUpAt < ROLLUP_EVERY.toNanos()) {
          continue;
        }
        owed.settle();
        rolledUpAt = System.nanoTime();
      } while (teams > 0);
    } catch (RuntimeException e) {
      log.warn("Refreshing quarterly figures failed; will retry: {}", e.toString());
      try {
        owed.settle(); // the rows written before the failure still roll up
      } catch (RuntimeException again) {
        log.warn(
            "Rolling up quarters {} failed; their teams' marks stay claimed until the lease runs"
                + " out, then they are recomputed and rolled up: {}",
            owed.touched,
            again.toString());
      }
    }
  }

  /**
   * What the rounds of a drain owe until the rollups are done: the quarters they touched, the marks
   * of the teams they recomputed, and the rubric and instant of the latest claim.
   */
  private final class Owed {
    private final Set<Quarter> touched = new TreeSet<>();
    private final List<DirtyTeam> handled = new ArrayList<>();
    private Claimed latest;

    void add(Claimed claimed, TeamQuarters.Round round) {
      latest = claimed;
      touched.addAll(round.touched());
      handled.addAll(round.handled());
    }

    /** Rolls the quarters up, then removes the marks (unless they were marked again). */
    void settle() {
      if (latest == null) {
        return;
      }
      rollUp(touched, latest.inForce(), latest.now());
      touched.clear();
      marks.done(handled, replica);
      handled.clear();
    }
  }

  /**
   * The claimed teams, a share per worker; this thread is the first worker. What each share did is
   * added to {@code owed} even when another share failed.
   *
   * @return how many teams were recomputed
   */
  private int recomputeSideBySide(Claimed claimed, Owed owed) {
    if (claimed.marks().isEmpty()) {
      return 0;
    }
    List<Claimed> shares = claimed.split(workers);
    List<FutureTask<TeamQuarters.Round>> others = new ArrayList<>();
    for (Claimed share : shares.subList(1, shares.size())) {
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

  @jakarta.annotation.PreDestroy
  void stopWorkers() {
    if (extraWorkers != null) {
      extraWorkers.shutdownNow();
    }
  }

  /**
   * Claims the dirty teams that have been quiet for a moment (so that a burst of events is
   * evaluated once), at most {@code limit}, in one request: another replica may hold some of them,
   * and recomputes those.
   */
  private Claimed claim(int limit) {
    Instant now = clock.instant();
    rubric.follow();
    RubricInForce inForce = rubric.inForce();
    List<DirtyTeam> ready = marks.ready(quiet, maxWait, limit);
    Set<String> claimed =
        marks.claim(ready.stream().map(DirtyTeam::teamId).toList(), replica, CLAIM);
    return new Claimed(
        ready.stream().filter(mark -> claimed.contains(mark.teamId())).toList(),
        replica,
        inForce,
        now);
  }

  /** Tells the rollups of these quarters that their team rows changed. */
  private void rollUp(Set<Quarter> touched, RubricInForce inForce, Instant now) {
    if (!touched.isEmpty()) {
      listeners.forEach(listener -> listener.recomputed(touched, inForce, now));
    }
  }
}
