package io.plumbline.benchmark;

import java.time.Duration;
import java.util.Map;

/**
 * What every phase shares: the options the benchmark was given and the figures gathered so far, in
 * the order the results file lists them.
 */
public record Run(Map<String, String> options, Map<String, Object> results) {

  public int option(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
  }

  public int teams() {
    return option("teams", 10_000);
  }

  public int events() {
    return option("events", 1_000_000);
  }

  /** Concurrent CI jobs submitting during an ingest. */
  public int clients() {
    return option("clients", 8);
  }

  /** Waits until the stack's quarterly figures settle and records how long that took. */
  public void awaitRollups(StackClient client, Duration timeout) throws InterruptedException {
    results.put("rollupsSettledSeconds", Statistics.round(client.awaitRollups(timeout)));
  }
}
