package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.percentileMillis;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** Read latency while CI submits: the reads phase's requests during the steady load. */
public final class MixedReadsPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws Exception {
    int teams = run.teams();
    int durationSeconds = run.option("mixed-seconds", 30);
    client.awaitProjected(Duration.ofMinutes(30));
    long start = System.nanoTime();
    var ingest =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return SteadyLoad.offer(client, teams, durationSeconds, "mixed-");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Random random = new Random(11);
    List<Long> rollup = new ArrayList<>();
    List<Long> team = new ArrayList<>();
    int failed = 0;
    while (!ingest.isDone()) {
      try {
        rollup.add(client.timedGet("/api/v1/org/rollup"));
        team.add(client.timedGet("/api/v1/teams/t" + random.nextInt(teams) + "/maturity"));
      } catch (IllegalStateException e) {
        failed++; // a read that did not answer 200: counted, and the phase goes on
      }
    }
    run.results().put("mixedReadsFailed", failed);
    int offered = ingest.join();
    double rate = offered / seconds(start);
    run.results().put("mixedOfferedEventsPerSecond", round(rate));
    Collections.sort(rollup);
    Collections.sort(team);
    run.results().put("mixedOrgRollupReadP99Millis", percentileMillis(rollup, 99));
    run.results().put("mixedTeamMaturityReadP99Millis", percentileMillis(team, 99));
    log(
        "mixed: %d events at %.0f events/s offered; %d reads (%d not 200): org rollup p99 %.1f ms, team maturity p99 %.1f ms"
            .formatted(
                offered,
                rate,
                rollup.size() + team.size(),
                failed,
                percentileMillis(rollup, 99),
                percentileMillis(team, 99)));
  }
}
