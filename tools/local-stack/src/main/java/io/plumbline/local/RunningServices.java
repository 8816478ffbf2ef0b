package io.plumbline.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services of one stack, by name: each replaced in place when it is started again, some held
 * stopped on purpose (fault tests), all stopped in reverse order when the stack closes.
 */
final class RunningServices {

  private final List<ServiceProcess> services = new ArrayList<>();

  /** Services stopped on purpose (fault tests), which the supervisor leaves alone. */
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  private volatile boolean closing;

  synchronized void add(ServiceProcess service) {
    services.add(service);
  }

  synchronized List<ServiceProcess> snapshot() {
    return List.copyOf(services);
  }

  boolean isHeld(String name) {
    return held.contains(name);
  }

  /** Whether the stack is closing: no service is started again from then on. */
  boolean isClosing() {
    return closing;
  }

  /** Starts a service again as it was started, in its place; unless the stack is closing. */
  synchronized ServiceProcess startAgain(ServiceProcess old) {
    if (closing) {
      throw new IllegalStateException("the stack is stopping");
    }
    ServiceProcess fresh = old.startAgain();
    services.set(services.indexOf(old), fresh);
    return fresh;
  }

  /**
   * Stops one service: gracefully, or killed outright as a crash would. It stays stopped (the
   * supervisor leaves it alone) until {@link #start}.
   */
  void stop(String name, boolean kill) {
    held.add(name);
    ServiceProcess service = named(name);
    if (kill) {
      service.kill();
    } else {
      service.stop();
    }
  }

  /** Starts a stopped service again, as it was started the first time, and waits for it. */
  void start(String name) {
    ServiceProcess old = named(name);
    if (old.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    ServiceProcess fresh = startAgain(old);
    held.remove(name);
    fresh.awaitReady();
  }

  synchronized ServiceProcess named(String name) {
    return services.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No service " + name));
  }

  /** From now on no service is started again; see {@link #stopAll()}. */
  void beginClosing() {
    closing = true;
  }

  /** Stops every service, the last started first. */
  void stopAll() {
    List<ServiceProcess> running = snapshot();
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).stop();
    }
    synchronized (this) {
      services.clear();
    }
  }
}
