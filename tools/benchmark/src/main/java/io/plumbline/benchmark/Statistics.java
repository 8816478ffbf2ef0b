package io.plumbline.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The arithmetic the figures share: elapsed seconds, medians, percentiles and one decimal. */
public final class Statistics {

  private Statistics() {}

  /** Seconds since a {@link System#nanoTime()} reading. */
  public static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** One decimal, as every figure is reported. */
  public static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  public static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
  }

  /** The given percentile of sorted durations in microseconds, in milliseconds; -1 if none. */
  public static double percentileMillis(List<Long> sortedMicros, int p) {
    return round(percentile(sortedMicros, p) / 1000.0);
  }

  /** The upper bound, in ms, of the histogram bucket that holds the given percentile. */
  public static long bucketPercentileMillis(TreeMap<Double, Double> cumulative, int percentile) {
    double total = cumulative.lastEntry().getValue();
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= total * percentile / 100.0) {
        return Math.round(bucket.getKey() * 1000);
      }
    }
    return -1;
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
