package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * The hourly clock refresh, made due at once: every team's current and previous quarter is
 * recomputed (levels follow the clock with no new event); the phase lasts from the turn coming due
 * until no team is left to recompute.
 */
public final class ClockRefreshPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws Exception {
    run.awaitRollups(client, Duration.ofMinutes(60));
    long start = System.nanoTime();
    try (MongoClient mongo = MongoClients.create(client.stack().mongoUrl())) {
      mongo
          .getDatabase("plumbline-read")
          .getCollection("fleet_turns")
          .updateOne(
              new Document("_id", "clock-refresh"),
              new Document("$set", new Document("nextAt", Date.from(Instant.EPOCH))));
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
    double marked = -1;
    while (marked < 0 || client.dirtyTeams() > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the clock refresh did not finish within an hour");
      }
      if (marked < 0 && client.dirtyTeams() > 0) {
        marked = seconds(start);
      }
      Thread.sleep(100);
    }
    run.results().put("clockRefreshSeconds", round(seconds(start)));
    run.results().put("clockRefreshMarkedAfterSeconds", round(marked));
    log(
        "clock refresh: every team's current and previous quarter recomputed in %.1f s (marked after %.1f s)"
            .formatted(seconds(start), marked));
  }
}
