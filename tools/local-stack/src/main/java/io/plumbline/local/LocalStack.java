package io.plumbline.local;

import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.embedded.EmbeddedMongo;
import io.plumbline.supervision.ExitWithParent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a MongoDB stand-in (H2-backed, under the data directory) and a KRaft broker in this
 * process, then the command and query services as child processes, and waits until both are ready.
 * The children end with this process however it ends (they watch it: {@link
 * io.plumbline.supervision.ExitWithParent}); under {@link #supervise()} a child that dies is
 * restarted with back-off. {@link #close()} stops them in reverse order.
 */
public final class LocalStack implements AutoCloseable {

  /** {@code h2} (the default) or {@code memory}: where the embedded database keeps its data. */
  public static final String DATABASE_PROPERTY = "plumbline.local.database";

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private final LocalStackConfig config;
  private final HttpClient http = HttpClient.newHttpClient();
  private EmbeddedMongo mongo;
  private EmbeddedKafka kafka;
  private String mongoUrl;
  private String kafkaBootstrapServers;
  private String adminToken;
  private final List<ServiceProcess> services = new ArrayList<>();

  /** Services stopped on purpose (fault tests), which the supervisor leaves alone. */
  private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private volatile boolean closing;
  private Thread supervisor;

  private LocalStack(LocalStackConfig config) {
    this.config = config;
  }

  /** Starts the embedded broker and database, then both services on them. */
  public static LocalStack start(LocalStackConfig config) {
    Ports.requireFree(
        java.util.Map.of(
            "MongoDB", config.mongoPort(),
            "Kafka", config.kafkaPort(),
            "Kafka controller", config.controllerPort(),
            "command service", config.commandPort(),
            "query service", config.queryPort()));
    LocalStack stack = new LocalStack(config);
    return stack.starting(
        () -> {
          stack.startEmbeddedInfrastructure();
          stack.startServices();
        });
  }

  /** Starts both services against a MongoDB and a Kafka that run elsewhere. */
  public static LocalStack startAgainst(
      LocalStackConfig config, String mongoUrl, String kafkaBootstrapServers) {
    Ports.requireFree(
        java.util.Map.of(
            "command service", config.commandPort(), "query service", config.queryPort()));
    LocalStack stack = new LocalStack(config);
    stack.mongoUrl = mongoUrl;
    stack.kafkaBootstrapServers = kafkaBootstrapServers;
    return stack.starting(stack::startServices);
  }

  private LocalStack starting(Runnable steps) {
    try {
      steps.run();
      return this;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public LocalStackConfig config() {
    return config;
  }

  public String commandUrl() {
    return "http://127.0.0.1:" + config.commandPort();
  }

  public String queryUrl() {
    return "http://127.0.0.1:" + config.queryPort();
  }

  public String mongoUrl() {
    return mongoUrl;
  }

  /** The bootstrap admin token both services accept; kept in the data directory. */
  public String adminToken() {
    return adminToken;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  /** The embedded broker, to stop and restart it in fault tests; absent for external Kafka. */
  public EmbeddedKafka embeddedKafka() {
    if (kafka == null) {
      throw new IllegalStateException("This stack runs against an external Kafka");
    }
    return kafka;
  }

  /**
   * From now on, a service that dies (other than through {@link #stopService}) is logged and
   * started again, after a back-off that doubles while it keeps dying soon after starting (1 s up
   * to 30 s). Only {@link #close()} (Ctrl-C, SIGTERM) stops the stack.
   */
  public synchronized void supervise() {
    if (supervisor == null) {
      supervisor = new Thread(this::superviseLoop, "plumbline-supervisor");
      supervisor.setDaemon(true);
      supervisor.start();
    }
  }

  private void superviseLoop() {
    java.util.Map<String, Duration> backoff = new java.util.HashMap<>();
    while (!closing) {
      for (ServiceProcess service : snapshot()) {
        if (closing || service.process().isAlive() || held.contains(service.name())) {
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
            service.process().pid(),
            service.process().exitValue(),
            lived.toSeconds(),
            wait.toSeconds(),
            service.logFile());
        sleep(wait);
        backoff.put(service.name(), min(wait.multipliedBy(2), MAX_BACKOFF));
        if (closing) {
          return;
        }
        try {
          awaitReady(relaunch(service));
          log.info("{} is back", service.name());
        } catch (RuntimeException e) {
          log.warn("Restarting {} failed: {}", service.name(), e.getMessage());
        }
      }
      sleep(Duration.ofMillis(500));
    }
  }

  private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** A service that ran this long before dying starts again after the shortest back-off. */
  private static final Duration STABLE = Duration.ofMinutes(1);

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private synchronized List<ServiceProcess> snapshot() {
    return List.copyOf(services);
  }

  /** Starts a service again as it was started, in its place; unless the stack is closing. */
  private synchronized ServiceProcess relaunch(ServiceProcess old) {
    if (closing) {
      throw new IllegalStateException("the stack is stopping");
    }
    ServiceProcess fresh = launch(old.name(), old.jar(), old.port(), old.mongoUri());
    services.set(services.indexOf(old), fresh);
    return fresh;
  }

  private void startEmbeddedInfrastructure() {
    Path data = config.dataDir().toAbsolutePath();
    mongo = openDatabase();
    mongoUrl = "mongodb://127.0.0.1:" + mongo.port();
    log.info("MongoDB stand-in listening at {}", mongoUrl);
    kafka = EmbeddedKafka.start(data.resolve("kafka"), config.kafkaPort(), config.controllerPort());
    kafkaBootstrapServers = kafka.bootstrapServers();
    log.info("Kafka broker listening at {}", kafkaBootstrapServers);
  }

  private void startServices() {
    createDirectories(config.dataDir().toAbsolutePath().resolve("logs"));
    adminToken = AdminToken.loadOrCreate(config.dataDir().toAbsolutePath().resolve("admin-token"));
    services.add(
        launch(
            "command-service",
            config.commandServiceJar(),
            config.commandPort(),
            mongoUrl + "/plumbline"));
    services.add(
        launch(
            "query-service",
            config.queryServiceJar(),
            config.queryPort(),
            mongoUrl + "/plumbline-read"));
    for (ServiceProcess service : services) {
      awaitReady(service);
    }
  }

  private ServiceProcess launch(String name, Path jar, int port, String mongoUri) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "%s jar not found at %s; build it first with ./mvnw -DskipTests package"
              .formatted(name, jar.toAbsolutePath()));
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(config.serviceJvmOptions());
    // the child ends when this process ends, however it ends (kill -9 included)
    command.add("-D" + ExitWithParent.PROPERTY + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    // the embedded stack is for this machine: its services listen where its URLs point
    command.add("--server.address=127.0.0.1");
    command.add("--spring.data.mongodb.uri=" + mongoUri);
    command.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers);
    command.addAll(config.serviceArguments());
    Path logFile = config.dataDir().toAbsolutePath().resolve("logs").resolve(name + ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      // in the environment rather than on the command line, where any user could read it
      builder.environment().put("PLUMBLINE_SECURITY_BOOTSTRAP_ADMIN_TOKEN", adminToken);
      // glibc's per-thread malloc arenas would otherwise add tens of MB of RSS to each service
      builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
      Process process =
          builder
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      log.info("Started {} (pid {}), log in {}", name, process.pid(), logFile);
      return new ServiceProcess(name, port, process, logFile, jar, mongoUri, Instant.now());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  private void awaitReady(ServiceProcess service) {
    URI readiness = URI.create("http://127.0.0.1:" + service.port() + "/actuator/health/readiness");
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!service.process().isAlive()) {
        throw new IllegalStateException(
            "%s exited with code %d before it was ready; see %s"
                .formatted(service.name(), service.process().exitValue(), service.logFile()));
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          log.info("{} is ready on port {}", service.name(), service.port());
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + service.name(), e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        "%s was not ready within %s; see %s"
            .formatted(service.name(), READY_TIMEOUT, service.logFile()));
  }

  /**
   * Stops one service: gracefully, or killed outright as a crash would. It stays stopped (the
   * supervisor leaves it alone) until {@link #startService}.
   */
  public void stopService(String name, boolean kill) {
    held.add(name);
    ServiceProcess service = service(name);
    if (kill) {
      service.process().destroyForcibly();
      try {
        service.process().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      stopProcess(service);
    }
  }

  /** Starts a stopped service again, as it was started the first time, and waits for it. */
  public void startService(String name) {
    ServiceProcess old = service(name);
    if (old.process().isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    ServiceProcess fresh = relaunch(old);
    held.remove(name);
    awaitReady(fresh);
  }

  /** The operating-system process id of a service, to measure it. */
  public long pid(String name) {
    return service(name).process().pid();
  }

  /** Stops the embedded database and starts it again on the same port with the same data. */
  public void restartDatabase(java.time.Duration down) {
    if (mongo == null) {
      throw new IllegalStateException("This stack runs against an external MongoDB");
    }
    mongo.close();
    sleep(down);
    mongo = openDatabase();
  }

  /**
   * Stops the embedded database, to observe the services without it; see {@link #startDatabase()}.
   */
  public void stopDatabase() {
    mongo.close();
  }

  public void startDatabase() {
    mongo = openDatabase();
  }

  /**
   * The database stand-in: on disk (H2) so that the data survives a restart, unless the system
   * property {@value #DATABASE_PROPERTY} is {@code memory} (the benchmark can compare both).
   */
  private EmbeddedMongo openDatabase() {
    if ("memory".equals(System.getProperty(DATABASE_PROPERTY))) {
      return EmbeddedMongo.inMemory(config.mongoPort());
    }
    return EmbeddedMongo.persistent(
        config.dataDir().toAbsolutePath().resolve("mongo").resolve("plumbline.mv"),
        config.mongoPort(),
        config.durability());
  }

  private synchronized ServiceProcess service(String name) {
    return services.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No service " + name));
  }

  @Override
  public void close() {
    closing = true;
    Thread watching;
    synchronized (this) {
      watching = supervisor;
    }
    if (watching != null) {
      watching.interrupt();
      try {
        watching.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<ServiceProcess> running = snapshot();
    for (int i = running.size() - 1; i >= 0; i--) {
      stopProcess(running.get(i));
    }
    synchronized (this) {
      services.clear();
    }
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
    if (mongo != null) {
      mongo.close();
      mongo = null;
    }
  }

  private static void stopProcess(ServiceProcess service) {
    Process process = service.process();
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        log.warn("{} did not stop within 30 s; killing it", service.name());
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record ServiceProcess(
      String name,
      int port,
      Process process,
      Path logFile,
      Path jar,
      String mongoUri,
      Instant startedAt) {}
}
