package io.plumbline.query.team.web;

import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.facts.store.TeamFactsReader;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.store.TeamQuarterRows;
import io.plumbline.query.reads.QuarterReads;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.model.TeamMaturity;
import io.plumbline.query.rubric.store.ActiveRubric;
import io.plumbline.query.team.model.Explanation;
import io.plumbline.query.team.model.MaturityView;
import io.plumbline.query.web.ReadParameters;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's maturity, evaluated from its facts at read time so that the current quarter follows the
 * clock; a closed quarter is read as of its end, with any restatements.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Teams",
    description = "A team's levels and the reasons for them")
@RestController
@RequestMapping("/api/v1/teams/{teamId}")
class TeamMaturityController {

  private final TeamFactsReader reader;
  private final ActiveRubric rubric;
  private final TeamQuarterRows rows;
  private final QuarterReads reads;

  TeamMaturityController(
      TeamFactsReader reader, ActiveRubric rubric, TeamQuarterRows rows, QuarterReads reads) {
    this.reader = reader;
    this.rubric = rubric;
    this.rows = rows;
    this.reads = reads;
  }

  @Operation(summary = "A team's maturity levels per practice and overall, as of an instant")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @Refusal(status = 404, reasons = "unknown-team")
  @GetMapping("/maturity")
  MaturityView maturity(
      @PathVariable String teamId,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String asOf) {
    MaturityEvaluator evaluator = rubric.evaluator();
    Instant at = instant(quarter, asOf, evaluator);
    TeamMaturity maturity = evaluator.evaluate(load(teamId), at);
    return MaturityView.of(maturity, evaluator.rubric(), row(maturity));
  }

  /** "Why is the level what it is, and what changed since the previous quarter?" */
  @Operation(
      summary = "Why the team is at its levels: every criterion, passed or not, with its evidence")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @Refusal(status = 404, reasons = "unknown-team")
  @GetMapping("/maturity/explanation")
  Explanation explanation(
      @PathVariable String teamId,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String asOf) {
    MaturityEvaluator evaluator = rubric.evaluator();
    Instant at = instant(quarter, asOf, evaluator);
    TeamFacts facts = load(teamId);
    TeamMaturity now = evaluator.evaluate(facts, at);
    TeamMaturity before =
        evaluator.evaluate(facts, evaluator.calendar().end(now.quarter().previous()));
    return Explanation.of(
        MaturityView.of(now, evaluator.rubric(), row(now)),
        MaturityView.of(before, evaluator.rubric(), row(before)));
  }

  private Instant instant(String quarter, String asOf, MaturityEvaluator evaluator) {
    if (quarter != null && asOf != null) {
      throw new RequestRefused(
          RequestRefused.Kind.MALFORMED,
          "invalid-parameter",
          "asOf",
          "Give either quarter or asOf, not both.");
    }
    Instant now = reads.now();
    if (asOf != null) {
      return ReadParameters.pastInstant(asOf, "asOf", now);
    }
    if (quarter == null) {
      return now;
    }
    return evaluator.calendar().evaluationInstant(reads.quarter(quarter), now);
  }

  /** The stored row of the quarter read, with its standing against the publication. */
  private Optional<TeamQuarter> row(TeamMaturity maturity) {
    return rows.findById(TeamQuarter.id(maturity.teamId(), maturity.quarter().toString()));
  }

  private TeamFacts load(String teamId) {
    return reader
        .load(teamId)
        .orElseThrow(
            () ->
                new RequestRefused(
                    RequestRefused.Kind.NOT_FOUND,
                    "unknown-team",
                    "teamId",
                    "Team '%s' is not known to the read side (yet).".formatted(teamId)));
  }
}
