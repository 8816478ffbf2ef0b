package io.plumbline.query.team;

import io.plumbline.query.maturity.MaturityEvaluator;
import io.plumbline.query.maturity.TeamFacts;
import io.plumbline.query.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's maturity, evaluated at read time so that the current quarter follows the clock: a review
 * ages out of its window without any new event.
 */
@RestController
@RequestMapping("/api/v1/teams/{teamId}")
class TeamMaturityController {

  private final TeamFactsReader reader;
  private final MaturityEvaluator evaluator;
  private final Clock clock;

  TeamMaturityController(TeamFactsReader reader, MaturityEvaluator evaluator, Clock clock) {
    this.reader = reader;
    this.evaluator = evaluator;
    this.clock = clock;
  }

  @GetMapping("/maturity")
  MaturityView maturity(@PathVariable String teamId, @RequestParam(required = false) String asOf) {
    Instant evaluationInstant = asOf == null ? clock.instant() : parseInstant(asOf);
    TeamFacts facts =
        reader
            .load(teamId)
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "unknown-team",
                        "teamId",
                        "Team '%s' is not known to the read side (yet).".formatted(teamId)));
    return MaturityView.of(
        evaluator.evaluate(facts, evaluationInstant), evaluator.rubric().weights());
  }

  private static Instant parseInstant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "invalid-parameter",
          "asOf",
          "asOf must be an ISO-8601 instant such as 2026-10-01T00:00:00Z, not '%s'."
              .formatted(value));
    }
  }
}
