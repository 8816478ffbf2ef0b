package io.plumbline.query.publication.web;

import io.plumbline.query.publication.store.QuarterPublisher;
import io.plumbline.query.quarters.model.Publication;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.store.PublicationStore;
import io.plumbline.query.reads.QuarterReads;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rollups.store.Rollups;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.store.ActiveRubric;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishing a quarter (admins) and reading what was published, and how the live figures differ
 * from it (readers).
 */
@RestController
@RequestMapping("/api/v1/quarters/{quarter}")
@Tag(name = "Quarters", description = "Quarters as leadership saw them, and restatements")
class PublicationController {

  private final QuarterPublisher publisher;
  private final PublicationStore publications;
  private final ActiveRubric rubric;
  private final Rollups rollups;
  private final QuarterReads reads;

  PublicationController(
      QuarterPublisher publisher,
      PublicationStore publications,
      ActiveRubric rubric,
      Rollups rollups,
      QuarterReads reads) {
    this.publisher = publisher;
    this.publications = publications;
    this.rubric = rubric;
    this.rollups = rollups;
    this.reads = reads;
  }

  /** The published snapshot: the publication, every team row and every rollup as frozen. */
  record Snapshot(Publication publication, List<TeamQuarter> teams, List<Rollup> rollups) {}

  /** A team row whose figures differ from the published ones. */
  record TeamChange(
      String teamId,
      TeamQuarter.Figures before,
      TeamQuarter.Figures after,
      List<String> eventIds) {}

  /** How the live figures differ from the published ones. */
  record Diff(
      Publication publication,
      String liveRubricVersion,
      boolean rubricChangedSincePublication,
      List<TeamChange> teams,
      List<String> rollupsChanged) {}

  @Operation(
      summary = "Publish a closed quarter",
      description =
          "Freezes the quarter's team rows and rollups as they stand: figures that change later"
              + " are restatements. 201 the first time, 200 with the standing publication when it"
              + " was published before; 409 while the quarter is open or teams are still being"
              + " recomputed for it.")
  @ApiResponse(responseCode = "201", description = "Published now")
  @ApiResponse(responseCode = "200", description = "Published before: the standing publication")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @Refusal(
      status = 409,
      reasons = {"quarter-not-closed", "figures-pending"})
  @PostMapping("/publish")
  ResponseEntity<Publication> publish(@PathVariable String quarter, Authentication caller) {
    Quarter q = reads.quarter(quarter);
    QuarterPublisher.Outcome outcome =
        publisher.publish(q, "token:" + caller.getName(), reads.now());
    if (!outcome.created()) {
      return ResponseEntity.ok(outcome.publication());
    }
    return ResponseEntity.created(URI.create("/api/v1/quarters/%s/published".formatted(quarter)))
        .body(outcome.publication());
  }

  @Operation(summary = "The published snapshot of a quarter")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @Refusal(status = 404, reasons = "not-published")
  @GetMapping("/published")
  Snapshot published(@PathVariable String quarter) {
    Quarter q = reads.quarter(quarter);
    Publication publication = requirePublished(q);
    return new Snapshot(
        publication, sortedByTeam(publications.publishedRows(q)), rollups.published(q));
  }

  @Operation(
      summary = "How the live figures of a published quarter differ from the published ones",
      description =
          "Team rows whose levels or score changed (before → after) with the events that arrived"
              + " since publication and count for the quarter; the rollups whose figures changed."
              + " A rubric activated since publication is reported apart, never as a restatement.")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @Refusal(status = 404, reasons = "not-published")
  @GetMapping("/published/diff")
  Diff diff(@PathVariable String quarter) {
    Quarter q = reads.quarter(quarter);
    Publication publication = requirePublished(q);
    Map<String, TeamQuarter> live =
        publications.liveRows(q).stream()
            .collect(Collectors.toMap(TeamQuarter::teamId, Function.identity()));
    List<TeamChange> changes = new ArrayList<>();
    for (TeamQuarter before : sortedByTeam(publications.publishedRows(q))) {
      TeamQuarter after = live.get(before.teamId());
      if (after != null && !after.restatements().isEmpty()) {
        TeamQuarter.Restatement restatement = after.restatements().get(0);
        changes.add(
            new TeamChange(
                before.teamId(),
                restatement.before(),
                restatement.after(),
                restatement.eventIds()));
      }
    }
    String liveVersion = rubric.evaluator().rubric().version();
    return new Diff(
        publication,
        liveVersion,
        !liveVersion.equals(publication.rubricVersion()),
        changes,
        rollupsChanged(q));
  }

  /** Scopes whose figures (not their computation time) differ from the published ones. */
  private List<String> rollupsChanged(Quarter q) {
    Map<String, Rollup> live =
        rollups.ofQuarter(q).stream().collect(Collectors.toMap(Rollup::scope, Function.identity()));
    List<String> changed = new ArrayList<>();
    for (Rollup before : rollups.published(q)) {
      Rollup after = live.get(before.scope());
      if (after == null || !figures(before).equals(figures(after))) {
        changed.add(before.scope());
      }
    }
    changed.sort(Comparator.naturalOrder());
    return changed;
  }

  private static List<Object> figures(Rollup r) {
    return List.of(
        r.teams(),
        r.teamsPerLevel(),
        Objects.toString(stripped(r.meanScore())),
        Objects.toString(stripped(r.medianScore())),
        Objects.toString(r.meanLevelPerPractice()),
        Objects.toString(stripped(r.shareAtLevel3OrAbove())),
        Objects.toString(stripped(r.tier1SloCoverage())),
        Objects.toString(stripped(r.medianPostmortemLeadTimeHours())),
        Objects.toString(stripped(r.medianToilShare())));
  }

  private static BigDecimal stripped(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }

  private Publication requirePublished(Quarter q) {
    return publications
        .find(q)
        .orElseThrow(
            () ->
                new RequestRefused(
                    RequestRefused.Kind.NOT_FOUND,
                    "not-published",
                    "quarter",
                    "Quarter %s has not been published; an admin publishes it with POST /api/v1/quarters/%s/publish."
                        .formatted(q, q)));
  }

  private static List<TeamQuarter> sortedByTeam(List<TeamQuarter> rows) {
    return rows.stream().sorted(Comparator.comparing(TeamQuarter::teamId)).toList();
  }
}
