package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.percentileMillis;

import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Read latency on a quiet stack: the org rollup and random teams' maturity, 300 of each. */
public final class ReadsPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws Exception {
    Random random = new Random(7);
    List<Long> rollup = new ArrayList<>();
    List<Long> team = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rollup.add(client.timedGet("/api/v1/org/rollup"));
      team.add(client.timedGet("/api/v1/teams/t" + random.nextInt(run.teams()) + "/maturity"));
    }
    Collections.sort(rollup);
    Collections.sort(team);
    run.results().put("orgRollupReadP50Millis", percentileMillis(rollup, 50));
    run.results().put("orgRollupReadP99Millis", percentileMillis(rollup, 99));
    run.results().put("teamMaturityReadP50Millis", percentileMillis(team, 50));
    run.results().put("teamMaturityReadP99Millis", percentileMillis(team, 99));
    log(
        "reads: org rollup p50 %.1f / p99 %.1f ms; team maturity p50 %.1f / p99 %.1f ms"
            .formatted(
                percentileMillis(rollup, 50),
                percentileMillis(rollup, 99),
                percentileMillis(team, 50),
                percentileMillis(team, 99)));
  }
}
