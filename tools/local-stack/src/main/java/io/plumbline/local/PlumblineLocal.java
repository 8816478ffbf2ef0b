package io.plumbline.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's start command: the whole stack on its embedded defaults, until Ctrl-C or SIGTERM. A
 * service that dies is restarted; the services end with this process however it ends. Options:
 * {@link #USAGE}.
 */
public final class PlumblineLocal {

  static final String USAGE =
      """
      Usage: java -jar plumbline-local-exec.jar [options]

      Starts Plumbline on its embedded defaults: a Kafka broker and a MongoDB stand-in in this
      process, the command and query services as child processes. A service that dies is
      restarted (back-off 1 s, doubling to 30 s while it keeps dying); Ctrl-C or SIGTERM stops
      everything, and the services also stop on their own if this process is killed.

      Options (each --name=value):
        --data-dir=.plumbline          data, logs and the admin token
        --command-port=8080            the command service (ingest API)
        --query-port=8081              the query service (read API)
        --kafka-port=9092              the Kafka broker
        --kafka-controller-port=9093   the Kafka broker's KRaft controller
        --mongo-port=37017             the MongoDB stand-in
        --durability=process           process: a write is answered once it is in the database
                                       file (survives the death of any process); machine: also
                                       forced to the disk (survives a power cut, costs more)
        --replicas=1                   run N of each service (1-8) on the one broker and database:
                                       replica i listens on command-port + 2(i-1) and
                                       query-port + 2(i-1), keeps its logs in data-dir/replica-i
                                       and shares the admin token
        --command-jar=command-service/target/command-service-exec.jar
        --query-jar=query-service/target/query-service-exec.jar
        --help                         this text

      The benchmark is a tool of its own: java -jar tools/benchmark/target/plumbline-benchmark-exec.jar --help
      """;

  private PlumblineLocal() {}

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.print(USAGE);
      return;
    }
    LocalStackConfig config;
    try {
      config = configFrom(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    int replicas;
    try {
      replicas = replicas(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<LocalStack> fleet = new java.util.concurrent.CopyOnWriteArrayList<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Plumbline …");
                  for (int i = fleet.size() - 1; i >= 0; i--) {
                    fleet.get(i).close();
                  }
                  System.out.println("Plumbline stopped.");
                },
                "plumbline-stop"));
    try {
      LocalStack first = LocalStack.start(config);
      fleet.add(first);
      for (int i = 2; i <= replicas; i++) {
        fleet.add(
            LocalStack.startAgainst(
                replica(config, i), first.mongoUrl(), first.kafkaBootstrapServers()));
      }
    } catch (RuntimeException | java.io.IOException e) {
      System.err.println("Plumbline could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    fleet.forEach(LocalStack::supervise);
    System.out.println(banner(fleet));
    Thread.currentThread().join();
  }

  private static final java.util.Set<String> OPTIONS =
      java.util.Set.of(
          "replicas",
          "data-dir",
          "durability",
          "mongo-port",
          "kafka-port",
          "kafka-controller-port",
          "command-port",
          "query-port",
          "command-jar",
          "query-jar");

  /** How many of each service {@code --replicas} asks for: 1 unless told, at most 8. */
  public static int replicas(String[] args) {
    String value =
        java.util.Arrays.stream(args)
            .filter(a -> a.startsWith("--replicas="))
            .reduce((first, last) -> last)
            .map(a -> a.substring("--replicas=".length()))
            .orElse("1");
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= 8) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException("--replicas must be a number from 1 to 8, not " + value);
  }

  /**
   * Replica {@code i} (from 2) of the services: the next free pair of ports after the first's, its
   * own directory for logs, and the first's admin token, so that one token works on every replica.
   */
  public static LocalStackConfig replica(LocalStackConfig first, int i) throws java.io.IOException {
    Path dir = first.dataDir().resolve("replica-" + i);
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.copy(
        first.dataDir().resolve("admin-token"),
        dir.resolve("admin-token"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    int offset = 2 * (i - 1);
    return new LocalStackConfig(
        dir,
        first.durability(),
        first.mongoPort(),
        first.kafkaPort(),
        first.controllerPort(),
        first.commandPort() + offset,
        first.queryPort() + offset,
        first.commandServiceJar(),
        first.queryServiceJar(),
        first.serviceJvmOptions(),
        first.serviceArguments());
  }

  public static LocalStackConfig configFrom(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Options look like --name=value, not " + arg);
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("Unknown option --" + name);
      }
      options.put(name, arg.substring(arg.indexOf('=') + 1));
    }
    LocalStackConfig d = LocalStackConfig.defaults();
    return new LocalStackConfig(
        Path.of(options.getOrDefault("data-dir", d.dataDir().toString())),
        durability(options.getOrDefault("durability", d.durability().name())),
        port(options, "mongo-port", d.mongoPort()),
        port(options, "kafka-port", d.kafkaPort()),
        port(options, "kafka-controller-port", d.controllerPort()),
        port(options, "command-port", d.commandPort()),
        port(options, "query-port", d.queryPort()),
        Path.of(options.getOrDefault("command-jar", d.commandServiceJar().toString())),
        Path.of(options.getOrDefault("query-jar", d.queryServiceJar().toString())),
        d.serviceJvmOptions(),
        List.of());
  }

  private static int port(Map<String, String> options, String name, int fallback) {
    if (!options.containsKey(name)) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(options.get(name));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--%s must be a port number (1-65535), not %s".formatted(name, options.get(name)));
    }
  }

  private static io.plumbline.embedded.Durability durability(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "process" -> io.plumbline.embedded.Durability.PROCESS;
      case "machine" -> io.plumbline.embedded.Durability.MACHINE;
      default ->
          throw new IllegalArgumentException(
              "--durability must be process or machine, not " + value);
    };
  }

  private static String banner(List<LocalStack> fleet) {
    String first = banner(fleet.get(0));
    if (fleet.size() == 1) {
      return first;
    }
    StringBuilder replicas =
        new StringBuilder("  replicas (same broker, database and admin token):\n");
    for (int i = 0; i < fleet.size(); i++) {
      replicas.append(
          "    %d  command %s   query %s%n"
              .formatted(i + 1, fleet.get(i).commandUrl(), fleet.get(i).queryUrl()));
    }
    return first.replace("Press Ctrl-C to stop.", replicas + "Press Ctrl-C to stop.");
  }

  private static String banner(LocalStack stack) {
    return """

        Plumbline is up.
          command service  %1$s   (POST %1$s/api/v1/events)
          query service    %2$s   (GET  %2$s/api/v1/teams/{teamId}/maturity)
          metrics          %1$s/actuator/prometheus  %2$s/actuator/prometheus (with the admin token)
          Kafka            %3$s
          MongoDB          %4$s
          data and logs    %5$s
          admin token      in %5$s/admin-token (never printed): export AUTH="Authorization: Bearer
                           $(cat %5$s/admin-token)"; create team and reader tokens with it:
                           POST %1$s/api/v1/admin/tokens
        Press Ctrl-C to stop.
        """
        .formatted(
            stack.commandUrl(),
            stack.queryUrl(),
            stack.kafkaBootstrapServers(),
            stack.mongoUrl(),
            stack.config().dataDir().toAbsolutePath());
  }
}
