package io.plumbline.local;

import io.plumbline.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

  private final LocalStackConfig config;
  private final RunningServices services = new RunningServices();
  private MongoStandIn database;
  private EmbeddedKafka kafka;
  private String mongoUrl;
  private String kafkaBootstrapServers;
  private String adminToken;
  private Supervisor supervisor;

  private LocalStack(LocalStackConfig config) {
    this.config = config;
  }

  /** Starts the embedded broker and database, then both services on them. */
  public static LocalStack start(LocalStackConfig config) {
    Ports.requireFree(
        Map.of(
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
        Map.of("command service", config.commandPort(), "query service", config.queryPort()));
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
      supervisor = Supervisor.watch(services);
    }
  }

  private void startEmbeddedInfrastructure() {
    database = MongoStandIn.start(config);
    mongoUrl = database.url();
    log.info("MongoDB stand-in listening at {}", mongoUrl);
    kafka =
        EmbeddedKafka.start(
            config.dataDir().toAbsolutePath().resolve("kafka"),
            config.kafkaPort(),
            config.controllerPort());
    kafkaBootstrapServers = kafka.bootstrapServers();
    log.info("Kafka broker listening at {}", kafkaBootstrapServers);
  }

  private void startServices() {
    createDirectories(config.dataDir().toAbsolutePath().resolve("logs"));
    adminToken = AdminToken.loadOrCreate(config.dataDir().toAbsolutePath().resolve("admin-token"));
    services.add(
        ServiceProcess.start(
            launch(
                "command-service",
                config.commandServiceJar(),
                config.commandPort(),
                mongoUrl + "/plumbline")));
    services.add(
        ServiceProcess.start(
            launch(
                "query-service",
                config.queryServiceJar(),
                config.queryPort(),
                mongoUrl + "/plumbline-read")));
    for (ServiceProcess service : services.snapshot()) {
      service.awaitReady();
    }
  }

  private ServiceLaunch launch(String name, Path jar, int port, String mongoUri) {
    return new ServiceLaunch(name, jar, port, mongoUri, kafkaBootstrapServers, adminToken, config);
  }

  /**
   * Stops one service: gracefully, or killed outright as a crash would. It stays stopped (the
   * supervisor leaves it alone) until {@link #startService}.
   */
  public void stopService(String name, boolean kill) {
    services.stop(name, kill);
  }

  /** Starts a stopped service again, as it was started the first time, and waits for it. */
  public void startService(String name) {
    services.start(name);
  }

  /** The operating-system process id of a service, to measure it. */
  public long pid(String name) {
    return services.named(name).pid();
  }

  /** Stops the embedded database and starts it again on the same port with the same data. */
  public void restartDatabase(Duration down) {
    embeddedDatabase().restart(down);
  }

  /**
   * Stops the embedded database, to observe the services without it; see {@link #startDatabase()}.
   */
  public void stopDatabase() {
    embeddedDatabase().stop();
  }

  public void startDatabase() {
    embeddedDatabase().startAgain();
  }

  private MongoStandIn embeddedDatabase() {
    if (database == null) {
      throw new IllegalStateException("This stack runs against an external MongoDB");
    }
    return database;
  }

  @Override
  public void close() {
    services.beginClosing();
    Supervisor watching;
    synchronized (this) {
      watching = supervisor;
    }
    if (watching != null) {
      watching.stop();
    }
    services.stopAll();
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
    if (database != null) {
      database.stop();
      database = null;
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
