package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Events.event;
import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Imports in the order tools export them: three years of weekly toil for two fresh sets of teams,
 * once with each team's events together (as CI submits them) and once interleaved in time order (an
 * export from a survey tool); same events, clients and batch size, so the two rates compare the
 * batch's grouping alone.
 */
public final class ImportsPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws Exception {
    int teams = run.option("import-teams", 100);
    double perTeam = importHistory(client, "imp", teams, false, run.clients());
    double interleaved = importHistory(client, "imq", teams, true, run.clients());
    run.results().put("importPerTeamBatchesEventsPerSecond", round(perTeam));
    run.results().put("importInterleavedEventsPerSecond", round(interleaved));
    run.results()
        .put("importInterleavedShareOfPerTeam", Math.round(interleaved / perTeam * 100) / 100.0);
    log(
        "imports of %d teams × 3 years: per-team batches %.0f events/s, interleaved %.0f events/s (%.0f %%)"
            .formatted(teams, perTeam, interleaved, interleaved / perTeam * 100));
  }

  private static double importHistory(
      StackClient client, String prefix, int teams, boolean interleaved, int clients)
      throws Exception {
    List<String> registrations = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      registrations.add(
          event(
              "TeamRegistered",
              prefix + "-reg-" + t,
              "{\"teamId\":\"%s-t%d\",\"name\":\"T%d\",\"groupId\":\"bench\"}"
                  .formatted(prefix, t, t),
              "2023-11-01T00:00:00Z"));
    }
    client.sendAll(registrations, 4);
    List<String> events = new ArrayList<>();
    Instant first = Instant.parse("2023-11-06T00:00:00Z");
    for (int week = 0; week < 156; week++) {
      Instant start = first.plus(Duration.ofDays(7L * week));
      Instant end = start.plus(Duration.ofDays(7));
      for (int t = 0; t < teams; t++) {
        events.add(
            event(
                "ToilMeasured",
                "%s-%d-w%d".formatted(prefix, t, week),
                "{\"teamId\":\"%s-t%d\",\"periodStart\":\"%s\",\"periodEnd\":\"%s\",\"toilHours\":%d,\"opsHours\":40}"
                    .formatted(prefix, t, start, end, (week + t) % 30),
                end.plusSeconds(3600).toString()));
      }
    }
    if (!interleaved) {
      // each team's three years together: team by team
      events.sort(Comparator.comparing(e -> e.substring(e.indexOf("\"teamId\""))));
    }
    long start = System.nanoTime();
    int accepted = client.sendAll(events, clients);
    if (accepted != events.size()) {
      throw new IllegalStateException(
          "only %d of %d imported events were accepted".formatted(accepted, events.size()));
    }
    return accepted / seconds(start);
  }
}
