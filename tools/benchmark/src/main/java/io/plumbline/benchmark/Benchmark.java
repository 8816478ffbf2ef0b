package io.plumbline.benchmark;

import static io.plumbline.benchmark.Log.log;

import io.plumbline.benchmark.phases.Baselines;
import io.plumbline.benchmark.phases.ClockRefreshPhase;
import io.plumbline.benchmark.phases.DurabilityPhase;
import io.plumbline.benchmark.phases.FreshnessPhase;
import io.plumbline.benchmark.phases.ImportsPhase;
import io.plumbline.benchmark.phases.IngestPhase;
import io.plumbline.benchmark.phases.LargeTeamPhase;
import io.plumbline.benchmark.phases.MemoryPhase;
import io.plumbline.benchmark.phases.MixedReadsPhase;
import io.plumbline.benchmark.phases.Phase;
import io.plumbline.benchmark.phases.ReadsPhase;
import io.plumbline.benchmark.phases.RebuildPhase;
import io.plumbline.benchmark.phases.ReplayPhase;
import io.plumbline.embedded.Durability;
import io.plumbline.local.LocalStack;
import io.plumbline.local.LocalStackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark, {@code java -jar tools/benchmark/target/plumbline-benchmark-exec.jar}: starts the
 * embedded stack and measures, in one run, ingest throughput, freshness at a fixed load, a full
 * rebuild of the read models, read latency and peak memory, next to raw Kafka and MongoDB baselines
 * on the same broker and database. Writes JSON and Markdown.
 *
 * <p>Options ({@code --help} prints them): {@code --teams=10000 --events=1000000
 * --out=docs/benchmarks --fresh-seconds=20 --mixed-seconds=30 --database=h2|memory --clients=8
 * --durability-events=20000 --durability-rounds=3 --large-team-events=100000 --import-teams=100
 * --main-durability=process|delayed|machine
 * --phases=freshness,reads,mixed,replay,clock,imports,rebuild,large-team} (phases: which of the
 * phases after ingest run, all by default) (clients: concurrent CI jobs submitting during the
 * ingest run; database: the stand-in on disk, as the start command runs it, or in memory, as the
 * tests run it). The durability phase ingests the same load into fresh stacks whose database
 * acknowledges writes at each {@link Durability}, interleaved over several rounds, and reports the
 * medians: what durable acknowledgements cost.
 */
public final class Benchmark {

  private static final String HELP =
      """
      Usage: java -jar tools/benchmark/target/plumbline-benchmark-exec.jar [--option=value ...]

      Starts the embedded stack and measures, in one run, ingest throughput, freshness at a fixed
      load, a full rebuild of the read models, read latency and peak memory, next to raw Kafka and
      MongoDB baselines on the same broker and database. Writes JSON and Markdown.

      Options (defaults shown):
        --teams=10000
        --events=1000000
        --out=docs/benchmarks
        --fresh-seconds=20
        --mixed-seconds=30
        --database=h2|memory        the stand-in on disk, as the start command runs it, or in
                                    memory, as the tests run it
        --clients=8                 concurrent CI jobs submitting during the ingest run
        --durability-events=20000
        --durability-rounds=3       the durability phase ingests the same load into fresh stacks
                                    whose database acknowledges writes at each durability,
                                    interleaved over several rounds, and reports the medians:
                                    what durable acknowledgements cost (0: skipped)
        --large-team-events=100000  (0: skipped)
        --import-teams=100
        --main-durability=process|delayed|machine
        --phases=freshness,reads,mixed,replay,clock,imports,rebuild,large-team
                                    which of the phases after ingest run, all by default
      """;

  private final Map<String, Object> results = new LinkedHashMap<>();
  private final Run run;

  private Benchmark(Map<String, String> options) {
    this.run = new Run(options, results);
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(HELP);
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      }
    }
    new Benchmark(options).measure();
    System.exit(0);
  }

  private void measure() throws Exception {
    Map<String, String> options = run.options();
    int teams = run.teams();
    int events = run.events();
    Path out = Path.of(options.getOrDefault("out", "docs/benchmarks"));
    Path data = Files.createTempDirectory("plumbline-benchmark-");
    LocalStackConfig config =
        StackConfigs.benchmark(
            data,
            Durability.valueOf(
                options.getOrDefault("main-durability", "process").toUpperCase(Locale.ROOT)));
    String database = options.getOrDefault("database", "h2");
    if (run.option("durability-rounds", 3) > 0) {
      System.setProperty(LocalStack.DATABASE_PROPERTY, "h2");
      log("durability phase: fresh on-disk stacks, one per durability, interleaved");
      new DurabilityPhase(config).run(run);
    }
    System.setProperty(LocalStack.DATABASE_PROPERTY, database);
    log("starting the embedded stack in " + data + " (database stand-in: " + database + ")");
    LocalStack stack = LocalStack.start(config);
    StackClient client = new StackClient(stack);
    try {
      results.put("machine", machine());
      results.put(
          "scale",
          Map.of("teams", teams, "events", events, "database", database, "clients", run.clients()));
      new Baselines().run(run, client);
      new IngestPhase().run(run, client);
      optional("freshness", new FreshnessPhase(), client);
      client.awaitProjected(Duration.ofMinutes(30));
      run.awaitRollups(client, Duration.ofMinutes(60));
      optional("reads", new ReadsPhase(), client);
      optional("mixed", new MixedReadsPhase(), client);
      optional("replay", new ReplayPhase(), client);
      optional("clock", new ClockRefreshPhase(), client);
      optional("imports", new ImportsPhase(), client);
      optional("rebuild", new RebuildPhase(), client);
      // after the rebuild, whose figure would otherwise include one team's 100,000-event log
      optional("large-team", new LargeTeamPhase(), client);
      new MemoryPhase().run(run, client);
    } finally {
      stack.close();
    }
    Report.write(results, out);
  }

  /** Runs a phase after ingest unless {@code --phases=a,b,...} names others only. */
  private void optional(String name, Phase phase, StackClient client) throws Exception {
    String phases = run.options().get("phases");
    if (phases == null || Arrays.asList(phases.split(",")).contains(name)) {
      phase.run(run, client);
    }
  }

  private static Map<String, Object> machine() {
    return Map.of(
        "cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"),
        "os", System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        "date", Instant.now().toString());
  }
}
