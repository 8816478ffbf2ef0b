package io.plumbline.benchmark;

import io.plumbline.embedded.Durability;
import io.plumbline.embedded.FreePorts;
import io.plumbline.local.LocalStackConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The stacks the benchmark starts: ports of their own, no ingest rate limit, and a clock refresh
 * checked often enough for the clock phase.
 */
public final class StackConfigs {

  private StackConfigs() {}

  public static LocalStackConfig benchmark(Path data, Durability durability) {
    LocalStackConfig d = LocalStackConfig.defaults();
    return new LocalStackConfig(
        data,
        durability,
        free(),
        free(),
        free(),
        free(),
        free(),
        d.commandServiceJar(),
        d.queryServiceJar(),
        LocalStackConfig.DEFAULT_JVM_OPTIONS,
        List.of(
            "--plumbline.ingest.requests-per-minute-per-token=100000000",
            // the clock phase makes the fleet's turn due; the query service looks often
            "--plumbline.rollups.clock-refresh-check=100ms"));
  }

  /** The same stack in another data directory, on ports of its own. */
  public static LocalStackConfig withFreePorts(LocalStackConfig base, Path data) {
    return new LocalStackConfig(
        data,
        base.durability(),
        free(),
        free(),
        free(),
        free(),
        free(),
        base.commandServiceJar(),
        base.queryServiceJar(),
        base.serviceJvmOptions(),
        base.serviceArguments());
  }

  private static int free() {
    return FreePorts.next();
  }
}
