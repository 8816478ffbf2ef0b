package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Events.toil;

import io.plumbline.benchmark.Events;
import io.plumbline.benchmark.StackClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CI's steady load, which the freshness and mixed-reads phases measure under. */
final class SteadyLoad {

  private SteadyLoad() {}

  /**
   * Offers 1,000 events a second (ten batches of 100, ten teams each), dated a few seconds ago, for
   * the given time.
   *
   * @return how many events were offered
   */
  static int offer(StackClient client, int teams, int durationSeconds, String idPrefix)
      throws Exception {
    int perTick = 100;
    long tickNanos = 100_000_000L;
    long start = System.nanoTime();
    int n = 0;
    for (int tick = 0; tick < durationSeconds * 10; tick++) {
      List<String> batch = new ArrayList<>(perTick);
      String at = Instant.now().minusSeconds(5).toString();
      for (int i = 0; i < perTick; i++) {
        batch.add(toil(idPrefix + n, "t" + (n / 10 % teams), n % 100, at));
        n++;
      }
      client.post("/api/v1/events/batch", Events.batch(batch));
      long sleep = start + (tick + 1) * tickNanos - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
    return n;
  }
}
