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
             java -jar plumbline-local-exec.jar benchmark [benchmark options]

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
        --command-jar=command-service/target/command-service-exec.jar
        --query-jar=query-service/target/query-service-exec.jar
        --help                         this text

      Benchmark options: --teams=10000 --events=1000000 --clients=8 --fresh-seconds=20
        --database=h2|memory --durability-events=20000 --durability-rounds=3
        --large-team-events=100000 --main-durability=process --out=docs/benchmarks
      """;

  private PlumblineLocal() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("benchmark")) {
      Benchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
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
    LocalStack stack;
    try {
      stack = LocalStack.start(config);
    } catch (RuntimeException e) {
      System.err.println("Plumbline could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Plumbline …");
                  stack.close();
                  System.out.println("Plumbline stopped.");
                },
                "plumbline-stop"));
    stack.supervise();
    System.out.println(banner(stack));
    Thread.currentThread().join();
  }

  private static final java.util.Set<String> OPTIONS =
      java.util.Set.of(
          "data-dir",
          "durability",
          "mongo-port",
          "kafka-port",
          "kafka-controller-port",
          "command-port",
          "query-port",
          "command-jar",
          "query-jar");

  static LocalStackConfig configFrom(String[] args) {
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

  private static String banner(LocalStack stack) {
    return """

        Plumbline is up.
          command service  %1$s   (POST %1$s/api/v1/events)
          query service    %2$s   (GET  %2$s/api/v1/teams/{teamId}/maturity)
          metrics          %1$s/actuator/prometheus  %2$s/actuator/prometheus (with the admin token)
          Kafka            %3$s
          MongoDB          %4$s
          data and logs    %5$s
          admin token      %6$s
                           (also in %5$s/admin-token; create team and reader tokens with it:
                            POST %1$s/api/v1/admin/tokens)
        Press Ctrl-C to stop.
        """
        .formatted(
            stack.commandUrl(),
            stack.queryUrl(),
            stack.kafkaBootstrapServers(),
            stack.mongoUrl(),
            stack.config().dataDir().toAbsolutePath(),
            stack.adminToken());
  }
}
