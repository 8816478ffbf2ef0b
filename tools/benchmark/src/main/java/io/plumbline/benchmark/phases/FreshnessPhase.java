package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.bucketPercentileMillis;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Freshness: acceptance-to-projection times while 1,000 events a second are offered. */
public final class FreshnessPhase implements Phase {

  private static final Pattern BUCKET =
      Pattern.compile(
          "^plumbline_projection_freshness_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} (\\S+)$",
          Pattern.MULTILINE);

  @Override
  public void run(Run run, StackClient client) throws Exception {
    int durationSeconds = run.option("fresh-seconds", 20);
    client.awaitProjected(Duration.ofMinutes(30));
    Map<Double, Double> before = freshnessBuckets(client);
    long start = System.nanoTime();
    int n = SteadyLoad.offer(client, run.teams(), durationSeconds, "fresh-");
    double offered = n / seconds(start);
    client.awaitProjected(Duration.ofMinutes(5));
    // the query service's own histogram of acceptance-to-projection times, over this phase only
    Map<Double, Double> after = freshnessBuckets(client);
    TreeMap<Double, Double> phase = new TreeMap<>();
    after.forEach((le, count) -> phase.put(le, count - before.getOrDefault(le, 0.0)));
    run.results().put("freshnessOfferedEventsPerSecond", round(offered));
    run.results().put("freshnessP50Millis", bucketPercentileMillis(phase, 50));
    run.results().put("freshnessP99Millis", bucketPercentileMillis(phase, 99));
    log(
        "freshness at %.0f events/s offered: p50 ≤ %d ms, p99 ≤ %d ms (%d events)"
            .formatted(
                offered, bucketPercentileMillis(phase, 50), bucketPercentileMillis(phase, 99), n));
  }

  /** Cumulative bucket counts of the freshness histogram, by upper bound in seconds. */
  private static Map<Double, Double> freshnessBuckets(StackClient client) throws Exception {
    Matcher m = BUCKET.matcher(client.get("/actuator/prometheus").body());
    Map<Double, Double> buckets = new HashMap<>();
    while (m.find()) {
      double le =
          m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
      buckets.merge(le, Double.parseDouble(m.group(2)), Double::sum);
    }
    return buckets;
  }
}
