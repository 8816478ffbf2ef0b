package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.median;
import static io.plumbline.benchmark.Statistics.round;

import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import io.plumbline.benchmark.StackConfigs;
import io.plumbline.embedded.Durability;
import io.plumbline.local.LocalStack;
import io.plumbline.local.LocalStackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What durable acknowledgements cost: the same ingest into fresh on-disk stacks, one per {@link
 * Durability}, interleaved over rounds so that the machine's drift touches each alike; medians per
 * durability.
 */
public final class DurabilityPhase {

  private static final int TEAMS = 200;

  private final LocalStackConfig base;

  /** Fresh stacks like {@code base}, each in a data directory and on ports of its own. */
  public DurabilityPhase(LocalStackConfig base) {
    this.base = base;
  }

  public void run(Run run) throws Exception {
    int events = run.option("durability-events", 20_000);
    int rounds = run.option("durability-rounds", 3);
    Map<Durability, List<Double>> runs = new EnumMap<>(Durability.class);
    Map<Durability, List<Double>> raw = new EnumMap<>(Durability.class);
    for (int round = 1; round <= rounds; round++) {
      for (Durability durability : Durability.values()) {
        Path data = Files.createTempDirectory("plumbline-durability-");
        try (LocalStack stack =
            LocalStack.start(StackConfigs.withFreePorts(base, data).withDurability(durability))) {
          StackClient client = new StackClient(stack);
          raw.computeIfAbsent(durability, d -> new ArrayList<>())
              .add(round(Baselines.rawMongoInserts(stack.mongoUrl(), 50_000)));
          IngestPhase.registerOrg(client, TEAMS);
          // a fresh JVM: let the JIT settle first
          IngestPhase.ingest(client, TEAMS, events / 4, "warm-", run.clients());
          double perSecond = IngestPhase.ingest(client, TEAMS, events, "bench-m", run.clients());
          runs.computeIfAbsent(durability, d -> new ArrayList<>()).add(round(perSecond));
          log("durability %s, round %d: %.0f events/s".formatted(durability, round, perSecond));
        }
      }
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    runs.forEach(
        (durability, perSecond) ->
            figures.put(
                durability.name().toLowerCase(Locale.ROOT),
                Map.of(
                    "medianEventsPerSecond",
                    median(perSecond),
                    "runs",
                    perSecond,
                    "rawInsertManyMedianPerSecond",
                    median(raw.get(durability)))));
    figures.put("teams", TEAMS);
    figures.put("events", events);
    run.results().put("durability", figures);
  }
}
