package io.plumbline.local;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service that died again, after a back-off that doubles while it keeps dying soon after
 * starting (1 s up to 30 s); leaves alone the services held stopped on purpose, and stops once the
 * stack is closing.
 */
final class Supervisor {

  private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
  private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** A service that ran this long before dying starts again after the shortest back-off. */
  private static final Duration STABLE = Duration.ofMinutes(1);

  private final RunningServices services;
  private final Thread thread;

  private Supervisor(RunningServices services) {
    this.services = services;
    this.thread = new Thread(this::superviseUntilClosing, "plumbline-supervisor");
    thread.setDaemon(true);
  }

  /** Starts watching the services, on a daemon thread of its own. */
  static Supervisor watch(RunningServices services) {
    Supervisor supervisor = new Supervisor(services);
    supervisor.thread.start();
    return supervisor;
  }

  /** Wakes the supervisor and waits up to 10 s for it to end, once the services are closing. */
  void stop() {
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void superviseUntilClosing() {
    Map<String, Duration> backoff = new HashMap<>();
    while (!services.isClosing()) {
      for (ServiceProcess service : services.snapshot()) {
        if (services.isClosing() || service.isAlive() || services.isHeld(service.name())) {
          continue;
        }
        Duration lived = Duration.between(service.startedAt(), Instant.now());
        Duration wait =
            lived.compareTo(STABLE) >= 0
                ? MIN_BACKOFF
                : backoff.getOrDefault(service.name(), MIN_BACKOFF);
        log.warn(
            "{} (pid {}) exited with code {} after {} s; restarting it in {} s. Its log: {}",
            service.name(),
            service.pid(),
            service.exitValue(),
            lived.toSeconds(),
            wait.toSeconds(),
            service.logFile());
        Pause.sleep(wait);
        backoff.put(service.name(), min(wait.multipliedBy(2), MAX_BACKOFF));
        if (services.isClosing()) {
          return;
        }
        try {
          services.startAgain(service).awaitReady();
          log.info("{} is back", service.name());
        } catch (RuntimeException e) {
          log.warn("Restarting {} failed: {}", service.name(), e.getMessage());
        }
      }
      Pause.sleep(Duration.ofMillis(500));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
