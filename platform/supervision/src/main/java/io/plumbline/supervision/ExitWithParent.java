package io.plumbline.supervision;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends this process soon after the process that started it is gone, however it went (Ctrl-C, a
 * crash, {@code kill -9}): a child the launcher can no longer stop must not keep its ports and
 * answer for a stack that is not there. Asked for with the system property {@value #PROPERTY} (the
 * parent's pid); without it, nothing is watched.
 *
 * <p>A parent that dies leaves its children to another process (init or a subreaper), so the watch
 * compares this process's parent with the one it started under: a reused pid cannot fool it.
 */
public final class ExitWithParent {

  /** The system property that names the parent's pid. */
  public static final String PROPERTY = "plumbline.parent-pid";

  static final Duration POLL = Duration.ofMillis(500);

  /** How long a graceful stop may take before the process halts. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private ExitWithParent() {}

  /** Starts watching if {@value #PROPERTY} is set; returns whether it did. */
  public static boolean watchIfAsked() {
    String pid = System.getProperty(PROPERTY);
    if (pid == null || pid.isBlank()) {
      return false;
    }
    long parent = Long.parseLong(pid.trim());
    Thread watch = new Thread(() -> watch(parent), "exit-with-parent");
    watch.setDaemon(true);
    watch.start();
    return true;
  }

  private static void watch(long parent) {
    while (parentIs(parent)) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
    System.err.printf("The process that started this one (pid %d) is gone; stopping.%n", parent);
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(GRACE.toMillis());
              } catch (InterruptedException ignored) {
                // halting now is what was asked for anyway
              }
              Runtime.getRuntime().halt(3);
            },
            "exit-with-parent-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(3);
  }

  static boolean parentIs(long expected) {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    return parent.isPresent() && parent.get().pid() == expected && parent.get().isAlive();
  }
}
