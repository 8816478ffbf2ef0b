package io.plumbline.query.rubric.web;

import io.plumbline.query.rubric.model.Rubric;
import io.plumbline.query.rubric.model.RubricReplay;
import io.plumbline.query.rubric.store.ActiveRubric;
import io.plumbline.query.rubric.store.ReplayRecords;
import io.plumbline.query.rubric.store.ReplayRecords.ReplayRecord;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replacing the rubric: activate a new version, and every quarter is replayed from history, with
 * progress visible. (A candidate is previewed by the rollups package.)
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Rubric",
    description = "The rubric in force, its activation and previews")
@RestController
@RequestMapping("/api/v1/admin/rubric")
class RubricAdminController {

  private final ActiveRubric rubric;
  private final RubricReplay replay;
  private final ReplayRecords replays;
  private final Clock clock;

  RubricAdminController(
      ActiveRubric rubric, RubricReplay replay, ReplayRecords replays, Clock clock) {
    this.rubric = rubric;
    this.replay = replay;
    this.replays = replays;
    this.clock = clock;
  }

  record ActiveRubricView(String version, String text) {}

  record Replay(String version, Instant startedAt, int teams, long pendingTeams, boolean done) {}

  @Operation(summary = "The rubric in force: its version and its text")
  @GetMapping
  ActiveRubricView active() {
    return new ActiveRubricView(rubric.evaluator().rubric().version(), rubric.text());
  }

  /** Activates a rubric (YAML or JSON) and replays every quarter of every team under it. */
  @Operation(
      summary =
          "Activate a rubric (YAML or JSON); every quarter of every team is recomputed under it")
  @ApiResponse(
      responseCode = "202",
      description = "Active on every replica; the replay runs on, its progress at /replay")
  @Refusal(status = 422, reasons = "invalid-rubric")
  @PutMapping(
      consumes = {"application/yaml", "application/x-yaml", "text/plain", "application/json"})
  ResponseEntity<Replay> activate(@RequestBody String text) {
    Rubric candidate = ActiveRubric.parse(text);
    Instant now = clock.instant();
    rubric.activate(candidate, text, now);
    int teams = replay.replayAll();
    replays.save(new ReplayRecord(ReplayRecord.LATEST, candidate.version(), now, teams));
    return ResponseEntity.accepted().body(replay());
  }

  @Operation(summary = "The latest rubric replay: teams still to recompute, done or not")
  @GetMapping("/replay")
  Replay replay() {
    ReplayRecord record = replays.findById(ReplayRecord.LATEST).orElse(null);
    long pending = replay.pendingTeams();
    if (record == null) {
      return new Replay(rubric.evaluator().rubric().version(), null, 0, pending, pending == 0);
    }
    return new Replay(record.version(), record.startedAt(), record.teams(), pending, pending == 0);
  }
}
