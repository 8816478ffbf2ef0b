package io.plumbline.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plumbline.embedded.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The results file pair, {@code latest.json} and {@code latest.md}: every figure, then a table of
 * them beside their targets and the ratios to the slower raw baseline.
 */
public final class Report {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final Map<Durability, String> DURABILITY_LABELS =
      Map.of(
          Durability.DELAYED, "at once, written within ~1 s (not durable: the old default)",
          Durability.PROCESS, "once in the file (survives any process's death; the default)",
          Durability.MACHINE, "once forced to the disk (fsync; survives a power cut)");

  private final Map<String, Object> results;

  private Report(Map<String, Object> results) {
    this.results = results;
  }

  /** Adds the ratios to the results, writes both files into {@code out} and prints the table. */
  public static void write(Map<String, Object> results, Path out) throws IOException {
    new Report(results).write(out);
  }

  private void write(Path out) throws IOException {
    Files.createDirectories(out);
    double slowerBaseline =
        Math.min(
            ((Number) results.get("baselineKafkaProducerPerSecond")).doubleValue(),
            ((Number) results.get("baselineMongoInsertManyPerSecond")).doubleValue());
    double ingest = ((Number) results.get("ingestEventsPerSecond")).doubleValue();
    results.put("ingestRatioToSlowerBaseline", Math.round(ingest / slowerBaseline * 1000) / 1000.0);
    if (results.get("rebuildEventsPerSecond") instanceof Number rebuilt) {
      results.put(
          "rebuildRatioToSlowerBaseline",
          Math.round(rebuilt.doubleValue() / slowerBaseline * 1000) / 1000.0);
    }
    Files.writeString(out.resolve("latest.json"), JSON.writeValueAsString(results) + "\n");
    StringBuilder md = new StringBuilder("# Plumbline benchmark\n\n");
    md.append("Machine: ")
        .append(results.get("machine"))
        .append("  \nScale: ")
        .append(results.get("scale"))
        .append("\n\n");
    md.append("| figure | value | target | ratio to slower raw baseline |\n|---|---|---|---|\n");
    row(md, "raw Kafka producer (records/s)", "baselineKafkaProducerPerSecond", "baseline", null);
    row(
        md,
        "raw MongoDB insertMany (documents/s)",
        "baselineMongoInsertManyPerSecond",
        "baseline",
        null);
    row(
        md,
        "ingest through the batch API (events/s)",
        "ingestEventsPerSecond",
        "≥ 5,000 and ≥ 25 % of the slower baseline",
        "ingestRatioToSlowerBaseline");
    row(
        md,
        "freshness: load achieved when 1,000 events/s were offered (events/s)",
        "freshnessOfferedEventsPerSecond",
        "1,000",
        null);
    row(md, "freshness p50 at that load (ms)", "freshnessP50Millis", "", null);
    row(
        md,
        "freshness p99 at that load (ms)",
        "freshnessP99Millis",
        "≤ 1,000 at 1,000 events/s",
        null);
    row(
        md,
        "rebuild of all read models (events/s)",
        "rebuildEventsPerSecond",
        "≥ 20,000",
        "rebuildRatioToSlowerBaseline");
    row(md, "org rollup read p50 (ms)", "orgRollupReadP50Millis", "", null);
    row(md, "org rollup read p99 (ms)", "orgRollupReadP99Millis", "≤ 50", null);
    row(md, "team maturity read p50 (ms)", "teamMaturityReadP50Millis", "", null);
    row(md, "team maturity read p99 (ms)", "teamMaturityReadP99Millis", "≤ 50", null);
    row(
        md,
        "org rollup read p99 while CI submits 1,000/s (ms)",
        "mixedOrgRollupReadP99Millis",
        "≤ 50",
        null);
    row(
        md,
        "team maturity read p99 while CI submits 1,000/s (ms)",
        "mixedTeamMaturityReadP99Millis",
        "≤ 50",
        null);
    row(md, "rubric replay of every quarter of every team (s)", "replaySeconds", "≤ 60", null);
    row(
        md,
        "clock refresh of every team's current and previous quarter (s)",
        "clockRefreshSeconds",
        "≤ 10",
        null);
    row(
        md,
        "import, each team's events together (events/s)",
        "importPerTeamBatchesEventsPerSecond",
        "baseline",
        null);
    row(
        md,
        "import interleaved in time order (events/s)",
        "importInterleavedEventsPerSecond",
        "",
        null);
    row(
        md,
        "interleaved import ÷ per-team import",
        "importInterleavedShareOfPerTeam",
        "≥ 0.8",
        null);
    row(md, "command-service peak RSS (MB)", "command-servicePeakRssMb", "≤ 512", null);
    row(md, "query-service peak RSS (MB)", "query-servicePeakRssMb", "≤ 512", null);
    row(md, "quarterly figures settled after ingest (s)", "rollupsSettledSeconds", "", null);
    if (results.get("largeTeam") instanceof Map<?, ?> large) {
      md.append("\nOne team with ")
          .append(large.get("events"))
          .append(" events in commits of 1,000: its first write after a command-service restart")
          .append(" took ")
          .append(large.get("firstWriteAfterRestartWithSnapshotMillis"))
          .append(" ms from its snapshot and ")
          .append(large.get("firstWriteAfterRestartWholeHistoryMillis"))
          .append(" ms with the snapshot removed (the whole history read).\n");
    }
    if (results.get("durability") instanceof Map<?, ?> durability) {
      md.append("\nWhat durable acknowledgements cost: ")
          .append(durability.get("events"))
          .append(" events over ")
          .append(durability.get("teams"))
          .append(" teams into fresh on-disk stacks, median of the runs (events/s):\n\n")
          .append(
              "| database acknowledges a write | ingest median | runs | raw insertMany median"
                  + " (documents/s) |\n|---|---|---|---|\n");
      for (Durability d : Durability.values()) {
        if (durability.get(d.name().toLowerCase(Locale.ROOT)) instanceof Map<?, ?> f) {
          md.append("| ")
              .append(DURABILITY_LABELS.get(d))
              .append(" | ")
              .append(f.get("medianEventsPerSecond"))
              .append(" | ")
              .append(f.get("runs"))
              .append(" | ")
              .append(f.get("rawInsertManyMedianPerSecond"))
              .append(" |\n");
        }
      }
    }
    Files.writeString(out.resolve("latest.md"), md.toString());
    System.out.println(md);
  }

  private void row(StringBuilder md, String label, String key, String target, String ratioKey) {
    md.append("| ")
        .append(label)
        .append(" | ")
        .append(results.get(key))
        .append(" | ")
        .append(target)
        .append(" | ")
        .append(ratioKey == null ? "" : results.get(ratioKey))
        .append(" |\n");
  }
}
