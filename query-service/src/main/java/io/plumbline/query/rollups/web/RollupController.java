package io.plumbline.query.rollups.web;

import io.plumbline.query.quarters.store.PublicationStore;
import io.plumbline.query.reads.QuarterReads;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rollups.store.Rollups;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.web.CsvDownload;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leadership's reads: org and group rollups per quarter, the quarters with data, a CSV export. */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Rollups",
    description = "Org and group figures per quarter")
@RestController
@RequestMapping("/api/v1")
class RollupController {

  private final Rollups rollups;
  private final PublicationStore publications;
  private final QuarterReads reads;

  RollupController(Rollups rollups, PublicationStore publications, QuarterReads reads) {
    this.rollups = rollups;
    this.publications = publications;
    this.reads = reads;
  }

  /** A quarter that has figures, with its bounds and when it was published (null: not yet). */
  record QuarterInfo(
      String quarter, Instant start, Instant end, boolean closed, Instant publishedAt) {}

  @Operation(summary = "The quarters that have figures, with their bounds and publication")
  @GetMapping("/quarters")
  List<QuarterInfo> quarters() {
    Quarter.Calendar calendar = reads.calendar();
    Instant now = reads.now();
    Map<String, Instant> published = new HashMap<>();
    publications.all().forEach(p -> published.put(p.quarter(), p.publishedAt()));
    return rollups.quarters().stream()
        .map(
            q ->
                new QuarterInfo(
                    q.toString(),
                    calendar.start(q),
                    calendar.end(q),
                    !calendar.end(q).isAfter(now),
                    published.get(q.toString())))
        .toList();
  }

  @Operation(summary = "The org's figures for a quarter (the current one by default)")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @Refusal(status = 404, reasons = "no-figures")
  @GetMapping("/org/rollup")
  Rollup org(@RequestParam(required = false) String quarter) {
    return find(Rollup.ORG, quarter, "org");
  }

  @Operation(summary = "A group's figures for a quarter, its subgroups' teams included")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @Refusal(status = 404, reasons = "unknown-group")
  @GetMapping("/groups/{groupId}/rollup")
  Rollup group(@PathVariable String groupId, @RequestParam(required = false) String quarter) {
    return find(Rollup.groupScope(groupId), quarter, "group '" + groupId + "'");
  }

  /** One row for the org and one per group, for leadership decks. */
  @Operation(summary = "The org and every group for a quarter, one CSV row each")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @GetMapping(value = "/org/rollup.csv", produces = "text/csv")
  CsvDownload<CsvRow> csv(@RequestParam(required = false) String quarter) {
    Quarter q = reads.quarter(quarter);
    List<CsvRow> rows = rollups.ofQuarter(q).stream().map(CsvRow::of).toList();
    return new CsvDownload<>("plumbline-rollup-" + q, CsvRow.class, rows);
  }

  private Rollup find(String scope, String quarter, String what) {
    Quarter q = reads.quarter(quarter);
    return rollups
        .find(scope, q)
        .orElseThrow(
            () ->
                new RequestRefused(
                    RequestRefused.Kind.NOT_FOUND,
                    scope.equals(Rollup.ORG) ? "no-figures" : "unknown-group",
                    scope.equals(Rollup.ORG) ? "quarter" : "groupId",
                    "No figures for %s in %s.".formatted(what, q)));
  }

  @com.fasterxml.jackson.annotation.JsonPropertyOrder({
    "quarter",
    "scope",
    "groupId",
    "groupName",
    "teams",
    "level0",
    "level1",
    "level2",
    "level3",
    "level4",
    "level5",
    "meanScore",
    "medianScore",
    "meanSlos",
    "meanPostmortems",
    "meanRunbooks",
    "meanToil",
    "shareAtLevel3OrAbove",
    "moversUp",
    "moversDown",
    "tier1SloCoverage",
    "medianPostmortemLeadTimeHours",
    "medianToilShare",
    "restated"
  })
  record CsvRow(
      String quarter,
      String scope,
      String groupId,
      String groupName,
      int teams,
      int level0,
      int level1,
      int level2,
      int level3,
      int level4,
      int level5,
      BigDecimal meanScore,
      BigDecimal medianScore,
      BigDecimal meanSlos,
      BigDecimal meanPostmortems,
      BigDecimal meanRunbooks,
      BigDecimal meanToil,
      BigDecimal shareAtLevel3OrAbove,
      int moversUp,
      int moversDown,
      BigDecimal tier1SloCoverage,
      BigDecimal medianPostmortemLeadTimeHours,
      BigDecimal medianToilShare,
      boolean restated) {

    static CsvRow of(Rollup r) {
      return new CsvRow(
          r.quarter(),
          r.scope(),
          r.groupId(),
          r.groupName(),
          r.teams(),
          r.teamsPerLevel().get("0"),
          r.teamsPerLevel().get("1"),
          r.teamsPerLevel().get("2"),
          r.teamsPerLevel().get("3"),
          r.teamsPerLevel().get("4"),
          r.teamsPerLevel().get("5"),
          r.meanScore(),
          r.medianScore(),
          r.meanLevelPerPractice().get("slos"),
          r.meanLevelPerPractice().get("postmortems"),
          r.meanLevelPerPractice().get("runbooks"),
          r.meanLevelPerPractice().get("toil"),
          r.shareAtLevel3OrAbove(),
          r.moversUp().size(),
          r.moversDown().size(),
          r.tier1SloCoverage(),
          r.medianPostmortemLeadTimeHours(),
          r.medianToilShare(),
          !r.restatements().isEmpty());
    }
  }
}
