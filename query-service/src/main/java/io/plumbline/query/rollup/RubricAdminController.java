package io.plumbline.query.rollup;

import io.plumbline.query.maturity.MaturityEvaluator;
import io.plumbline.query.maturity.Quarter;
import io.plumbline.query.maturity.Rubric;
import io.plumbline.query.maturity.RubricDocument;
import io.plumbline.query.web.ProblemException;
import io.plumbline.query.web.ReadParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replacing the rubric: activate a new version (every quarter is replayed from history, with
 * progress visible), or preview a candidate's org rollup without touching the live figures.
 */
@RestController
@RequestMapping("/api/v1/admin/rubric")
class RubricAdminController {

  private final ActiveRubric rubric;
  private final QuarterlyFigures figures;
  private final MongoTemplate mongo;
  private final Clock clock;

  RubricAdminController(
      ActiveRubric rubric, QuarterlyFigures figures, MongoTemplate mongo, Clock clock) {
    this.rubric = rubric;
    this.figures = figures;
    this.mongo = mongo;
    this.clock = clock;
  }

  record ActiveRubricView(String version, String text) {}

  record Replay(String version, Instant startedAt, int teams, long pendingTeams, boolean done) {}

  record Preview(String rubricVersion, String quarter, Rollup org, List<Rollup> groups) {}

  @Document("rubric_replays")
  record ReplayRecord(@Id String id, String version, Instant startedAt, int teams) {
    static final String LATEST = "latest";
  }

  @GetMapping
  ActiveRubricView active() {
    return new ActiveRubricView(rubric.evaluator().rubric().version(), rubric.text());
  }

  /** Activates a rubric (YAML or JSON) and replays every quarter of every team under it. */
  @PutMapping(
      consumes = {"application/yaml", "application/x-yaml", "text/plain", "application/json"})
  ResponseEntity<Replay> activate(@RequestBody String text) {
    Rubric candidate = parse(text);
    Instant now = clock.instant();
    rubric.activate(candidate, text, now);
    int teams = figures.markAllTeams(new Quarter(1, 1));
    mongo.save(new ReplayRecord(ReplayRecord.LATEST, candidate.version(), now, teams));
    return ResponseEntity.accepted().body(replay());
  }

  @GetMapping("/replay")
  Replay replay() {
    ReplayRecord record = mongo.findById(ReplayRecord.LATEST, ReplayRecord.class);
    long pending = figures.pendingTeams();
    if (record == null) {
      return new Replay(rubric.evaluator().rubric().version(), null, 0, pending, pending == 0);
    }
    return new Replay(record.version(), record.startedAt(), record.teams(), pending, pending == 0);
  }

  /** The org and group rollups of a quarter under a candidate rubric; nothing is stored. */
  @PostMapping(
      value = "/preview",
      consumes = {"application/yaml", "application/x-yaml", "text/plain", "application/json"})
  Preview preview(@RequestBody String text, @RequestParam(required = false) String quarter) {
    MaturityEvaluator candidate = new MaturityEvaluator(rubric.calendar(), parse(text));
    Quarter q = ReadParameters.quarter(quarter, rubric.calendar(), clock.instant());
    List<Rollup> rollups = figures.preview(candidate, q);
    Rollup org =
        rollups.stream().filter(r -> r.scope().equals(Rollup.ORG)).findFirst().orElseThrow();
    return new Preview(
        candidate.rubric().version(),
        q.toString(),
        org,
        rollups.stream().filter(r -> !r.scope().equals(Rollup.ORG)).toList());
  }

  private static Rubric parse(String text) {
    try {
      return RubricDocument.parse(text);
    } catch (RubricDocument.InvalidRubricException e) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "invalid-rubric",
          null,
          "The rubric cannot be used: " + e.getMessage());
    }
  }
}
