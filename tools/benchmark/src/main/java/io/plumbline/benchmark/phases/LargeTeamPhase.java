package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Events.event;
import static io.plumbline.benchmark.Events.toil;
import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One team's long history, submitted in batches of 1,000 (one commit each), then the command
 * service restarts and the team takes its next write: once from its snapshot, once with the
 * snapshot removed so that the whole history is read. Another team's write goes first each time, so
 * that start-up costs are not counted.
 */
public final class LargeTeamPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws Exception {
    int count = run.option("large-team-events", 100_000);
    if (count == 0) {
      return;
    }
    client.sendAll(
        List.of(
            event(
                "TeamRegistered",
                "bench-big",
                "{\"teamId\":\"big\",\"name\":\"Big\",\"groupId\":\"bench\"}",
                "2026-01-01T00:00:00Z")),
        1);
    String at = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    List<String> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(toil("big-" + i, "big", i % 100, at));
    }
    long start = System.nanoTime();
    int accepted = client.sendAll(events, 1, 1000);
    log("large team: %d events in batches of 1,000 in %.1f s".formatted(accepted, seconds(start)));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("events", accepted);
    figures.put("firstWriteAfterRestartWithSnapshotMillis", writeAfterRestart(client, false));
    figures.put("firstWriteAfterRestartWholeHistoryMillis", writeAfterRestart(client, true));
    run.results().put("largeTeam", figures);
    log("large team: first write after a restart %s".formatted(figures));
  }

  private static double writeAfterRestart(StackClient client, boolean withoutSnapshot)
      throws Exception {
    client.stack().stopService("command-service", false);
    if (withoutSnapshot) {
      try (MongoClient mongo = MongoClients.create(client.stack().mongoUrl())) {
        mongo
            .getDatabase("plumbline")
            .getCollection("event_snapshots")
            .deleteOne(new Document("_id", "team:big"));
      }
    }
    client.stack().startService("command-service");
    String at = Instant.now().minusSeconds(5).toString();
    client.post("/api/v1/events", toil("warm-" + System.nanoTime(), "t0", 1, at), 202);
    long start = System.nanoTime();
    client.post("/api/v1/events", toil("big-next-" + System.nanoTime(), "big", 1, at), 202);
    return round((System.nanoTime() - start) / 1e6);
  }
}
