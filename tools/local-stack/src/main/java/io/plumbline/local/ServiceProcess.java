package io.plumbline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service running as a child JVM: started, awaited until ready, then stopped or killed. */
final class ServiceProcess {

  private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ServiceLaunch launch;
  private final Process process;
  private final Instant startedAt;

  private ServiceProcess(ServiceLaunch launch, Process process, Instant startedAt) {
    this.launch = launch;
    this.process = process;
    this.startedAt = startedAt;
  }

  /** Starts the service, its output appended to its log file; does not wait until it is ready. */
  static ServiceProcess start(ServiceLaunch launch) {
    String name = launch.name();
    Path jar = launch.jar();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "%s jar not found at %s; build it first with ./mvnw -DskipTests package"
              .formatted(name, jar.toAbsolutePath()));
    }
    Path logFile = launch.logFile();
    try {
      ProcessBuilder builder = new ProcessBuilder(launch.command());
      // in the environment rather than on the command line, where any user could read it
      builder.environment().put("PLUMBLINE_SECURITY_BOOTSTRAP_ADMIN_TOKEN", launch.adminToken());
      // glibc's per-thread malloc arenas would otherwise add tens of MB of RSS to each service
      builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
      Process process =
          builder
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      log.info("Started {} (pid {}), log in {}", name, process.pid(), logFile);
      return new ServiceProcess(launch, process, Instant.now());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** Starts the service again as it was started, as a new process. */
  ServiceProcess startAgain() {
    return start(launch);
  }

  /** Waits until the service reports itself ready; refuses if it exits or takes too long. */
  void awaitReady() {
    URI readiness = URI.create("http://127.0.0.1:" + port() + "/actuator/health/readiness");
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "%s exited with code %d before it was ready; see %s"
                .formatted(name(), process.exitValue(), logFile()));
      }
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          log.info("{} is ready on port {}", name(), port());
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name(), e);
      }
      Pause.sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        "%s was not ready within %s; see %s".formatted(name(), READY_TIMEOUT, logFile()));
  }

  /** Stops the service gracefully, killing it if it has not stopped within 30 s. */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        log.warn("{} did not stop within 30 s; killing it", name());
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Kills the service outright, as a crash would, and waits up to 30 s for it to be gone. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String name() {
    return launch.name();
  }

  int port() {
    return launch.port();
  }

  Path logFile() {
    return launch.logFile();
  }

  Instant startedAt() {
    return startedAt;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  int exitValue() {
    return process.exitValue();
  }
}
