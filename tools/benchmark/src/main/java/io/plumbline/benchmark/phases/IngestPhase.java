package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Events.event;
import static io.plumbline.benchmark.Events.toil;
import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Ingest throughput: the org's teams registered, then toil events through the batch API. */
public final class IngestPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws Exception {
    registerOrg(client, run.teams());
    double ingested = ingest(client, run.teams(), run.events(), "bench-m", run.clients());
    run.results().put("ingestEventsPerSecond", round(ingested));
  }

  /** A group and the given number of teams in it, each with one service. */
  static void registerOrg(StackClient client, int teams) throws Exception {
    // the group first, on its own: the teams' batches go out in parallel and need it
    client.sendAll(
        List.of(
            event(
                "GroupDefined",
                "bench-g",
                "{\"groupId\":\"bench\",\"name\":\"Bench\"}",
                "2026-01-01T00:00:00Z")),
        1);
    List<String> events = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      events.add(
          event(
              "TeamRegistered",
              "bench-t" + t,
              "{\"teamId\":\"t%d\",\"name\":\"T%d\",\"groupId\":\"bench\"}".formatted(t, t),
              "2026-01-01T00:00:00Z"));
      events.add(
          event(
              "ServiceRegistered",
              "bench-s" + t,
              "{\"teamId\":\"t%d\",\"serviceId\":\"api\",\"name\":\"API\",\"tier\":1}".formatted(t),
              "2026-01-01T00:00:00Z"));
    }
    long start = System.nanoTime();
    int accepted = client.sendAll(events, 4);
    if (accepted != events.size()) {
      throw new IllegalStateException(
          "only %d of %d registration events were accepted".formatted(accepted, events.size()));
    }
    log("registered %d teams in %.1f s".formatted(teams, seconds(start)));
  }

  /** Sends {@code count} toil events over the teams from {@code clients} threads; events/s. */
  static double ingest(StackClient client, int teams, int count, String idPrefix, int clients)
      throws Exception {
    List<String> events = new ArrayList<>(count);
    String at = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    // as CI submits them: each team's events together, so a batch holds one or a few teams
    int perTeam = Math.max(1, count / teams);
    for (int i = 0; i < count; i++) {
      events.add(toil(idPrefix + i, "t" + (i / perTeam % teams), i % 100, at));
    }
    long start = System.nanoTime();
    int accepted = client.sendAll(events, clients);
    double perSecond = accepted / seconds(start);
    log("ingest through the batch API: %d events, %.0f events/s".formatted(accepted, perSecond));
    return perSecond;
  }
}
