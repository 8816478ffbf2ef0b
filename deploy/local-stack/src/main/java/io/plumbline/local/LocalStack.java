package io.plumbline.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.embedded.EmbeddedMongo;
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
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a MongoDB stand-in (H2-backed, under the data directory) and a KRaft broker in this
 * process, then the command and query services as child processes, and waits until both are ready.
 * {@link #close()} stops them in reverse order.
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

  private LocalStack(LocalStackConfig config) {
    this.config = config;
  }

  /** Starts the embedded broker and database, then both services on them. */
  public static LocalStack start(LocalStackConfig config) {
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

  /**
   * How many events the command service has stored: the event store keeps one document per commit,
   * each with its event count.
   */
  public long storedEvents() {
    return sumOfCounts("plumbline", "event_commits");
  }

  /** How many events the query service has projected: its fact logs count their events. */
  public long projectedEvents() {
    return sumOfCounts("plumbline-read", "fact_logs");
  }

  private long sumOfCounts(String database, String collection) {
    try (MongoClient client = MongoClients.create(mongoUrl)) {
      long total = 0;
      for (Document document :
          client
              .getDatabase(database)
              .getCollection(collection)
              .find()
              .projection(new Document("count", 1))) {
        total += ((Number) document.getOrDefault("count", 0)).longValue();
      }
      return total;
    }
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

  /** A service process died before or after becoming ready. */
  public boolean healthy() {
    return services.stream().allMatch(s -> s.process().isAlive());
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
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
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
      return new ServiceProcess(name, port, process, logFile, jar, mongoUri);
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

  /** Stops one service: gracefully, or killed outright as a crash would. */
  public void stopService(String name, boolean kill) {
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
    ServiceProcess fresh = launch(name, old.jar(), old.port(), old.mongoUri());
    services.set(services.indexOf(old), fresh);
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
        config.mongoPort());
  }

  private ServiceProcess service(String name) {
    return services.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No service " + name));
  }

  @Override
  public void close() {
    for (int i = services.size() - 1; i >= 0; i--) {
      stopProcess(services.get(i));
    }
    services.clear();
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
      String name, int port, Process process, Path logFile, Path jar, String mongoUri) {}
}
