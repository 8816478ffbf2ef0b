package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Rubric replay: an admin activates a rubric (the one in force under another version), every
 * quarter of every team is recomputed; the phase lasts until no team is left to recompute.
 */
public final class ReplayPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws Exception {
    run.awaitRollups(client, Duration.ofMinutes(60));
    JsonNode rubric = StackClient.json(client.get("/api/v1/admin/rubric").body());
    String text =
        rubric.path("text").asText().replace(rubric.path("version").asText(), "benchmark-replay");
    long start = System.nanoTime();
    HttpResponse<String> activated = client.put("/api/v1/admin/rubric", "application/yaml", text);
    if (activated.statusCode() != 202) {
      throw new IllegalStateException(
          "activating a rubric answered " + activated.statusCode() + ": " + activated.body());
    }
    int marked = StackClient.json(activated.body()).path("teams").asInt();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
    while (client.dirtyTeams() > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the replay did not finish within an hour");
      }
      Thread.sleep(200);
    }
    run.results().put("replaySeconds", round(seconds(start)));
    run.results().put("replayTeams", marked);
    log("replay: every quarter of %d teams recomputed in %.1f s".formatted(marked, seconds(start)));
  }
}
