package io.plumbline.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The README's start command: the whole stack on its embedded defaults, until Ctrl-C.
 *
 * <p>Options: {@code --data-dir=.plumbline --command-port=8080 --query-port=8081 --kafka-port=9092
 * --mongo-port=37017}.
 */
public final class PlumblineLocal {

  private PlumblineLocal() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("benchmark")) {
      Benchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    LocalStackConfig config = configFrom(args);
    LocalStack stack;
    try {
      stack = LocalStack.start(config);
    } catch (RuntimeException e) {
      System.err.println("Plumbline could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  System.out.println("Stopping Plumbline …");
                  stack.close();
                  System.out.println("Plumbline stopped.");
                },
                "plumbline-stop"));
    System.out.println(banner(stack));
    while (stack.healthy() || stopping.get()) {
      Thread.sleep(500);
    }
    System.err.println(
        "A service stopped unexpectedly; see the logs under "
            + config.dataDir().toAbsolutePath().resolve("logs"));
    System.exit(2);
  }

  static LocalStackConfig configFrom(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Options look like --name=value, not " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    LocalStackConfig d = LocalStackConfig.defaults();
    return new LocalStackConfig(
        Path.of(options.getOrDefault("data-dir", d.dataDir().toString())),
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
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }

  private static String banner(LocalStack stack) {
    return """

        Plumbline is up.
          command service  %1$s   (POST %1$s/api/v1/events)
          query service    %2$s   (GET  %2$s/api/v1/teams/{teamId}/maturity)
          metrics          %1$s/actuator/prometheus  %2$s/actuator/prometheus
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
