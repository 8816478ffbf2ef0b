package io.plumbline.query.rollups.web;

import io.plumbline.query.reads.QuarterReads;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.rollups.model.HeatMap;
import io.plumbline.query.rollups.model.HeatMapRow;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rollups.model.Trend;
import io.plumbline.query.rollups.model.TrendPoint;
import io.plumbline.query.rollups.store.Rollups;
import io.plumbline.query.rubric.model.Practice;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.web.CsvDownload;
import io.plumbline.query.web.Filters;
import io.plumbline.query.web.OperationWithQuarter;
import io.plumbline.query.web.OperationWithQuarterRange;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figures over time: the org's or a group's figures across a range of quarters in one answer, and
 * the group × practice matrix of mean levels of a quarter (the heat map). JSON and CSV.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Rollups",
    description = "Org and group figures per quarter")
@RestController
@RequestMapping("/api/v1")
class TrendController {

  /** A range longer than ten years is refused: one answer stays small. */
  static final int MAX_QUARTERS = 40;

  private static final Set<String> RANGE = Set.of("from", "to");
  private static final List<String> PRACTICES =
      Arrays.stream(Practice.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();

  private final Rollups rollups;
  private final QuarterReads reads;

  TrendController(Rollups rollups, QuarterReads reads) {
    this.rollups = rollups;
    this.reads = reads;
  }

  @OperationWithQuarterRange(
      summary = "The org's figures for every quarter of a range (the last eight by default)")
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping("/org/trend")
  Trend orgTrend(
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    return trend(Rollup.ORG, null, parameters);
  }

  @Operation(
      summary = "The org's figures for every quarter of a range, one CSV row each",
      parameters = {
        @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
      })
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping(value = "/org/trend.csv", produces = "text/csv")
  CsvDownload<TrendPoint> orgTrendCsv(
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    Trend trend = trend(Rollup.ORG, null, parameters);
    return new CsvDownload<>(
        "plumbline-org-trend-" + trend.from() + "-" + trend.to(), TrendPoint.class, trend.points());
  }

  @OperationWithQuarterRange(
      summary = "A group's figures for every quarter of a range, its subgroups' teams included")
  @Refusal(status = 404, reasons = "unknown-group")
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping("/groups/{groupId}/trend")
  Trend groupTrend(
      @PathVariable String groupId,
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    return trend(Rollup.groupScope(groupId), groupId, parameters);
  }

  @Operation(
      summary = "A group's figures for every quarter of a range, one CSV row each",
      parameters = {
        @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
      })
  @Refusal(status = 404, reasons = "unknown-group")
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping(value = "/groups/{groupId}/trend.csv", produces = "text/csv")
  CsvDownload<TrendPoint> groupTrendCsv(
      @PathVariable String groupId,
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    Trend trend = trend(Rollup.groupScope(groupId), groupId, parameters);
    return new CsvDownload<>(
        "plumbline-" + groupId + "-trend-" + trend.from() + "-" + trend.to(),
        TrendPoint.class,
        trend.points());
  }

  @OperationWithQuarter(
      summary = "Mean level per practice for the org and every group of a quarter (the heat map)")
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping("/org/heatmap")
  HeatMap heatMap(
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    QuarterReads.QuarterRead read =
        reads.read(new Filters(parameters, Set.of("quarter")), "quarter");
    Quarter quarter = read.quarter();
    return HeatMap.of(quarter.toString(), PRACTICES, rollups.ofQuarter(quarter), read.tree());
  }

  @Operation(
      summary = "The heat map as CSV: a row for the org and each group, a column per practice",
      parameters =
          @Parameter(name = "quarter", in = ParameterIn.QUERY, schema = @Schema(type = "string")))
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping(value = "/org/heatmap.csv", produces = "text/csv")
  CsvDownload<HeatMapRow> heatMapCsv(
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    HeatMap map = heatMap(parameters);
    return new CsvDownload<>("plumbline-heatmap-" + map.quarter(), HeatMapRow.class, map.rows());
  }

  private Trend trend(
      String scope,
      String groupId,
      org.springframework.util.MultiValueMap<String, String> parameters) {
    Filters filters = new Filters(parameters, RANGE);
    Instant now = reads.now();
    Quarter to = reads.filterQuarter(filters, "to");
    Quarter from =
        filters.text("from").isPresent() ? reads.filterQuarter(filters, "from") : back(to, 7);
    if (from.compareTo(to) > 0) {
      throw RequestRefused.invalidFilter("from", "from (%s) is after to (%s).".formatted(from, to));
    }
    if (back(to, MAX_QUARTERS - 1).compareTo(from) > 0) {
      throw RequestRefused.invalidFilter(
          "from",
          "A trend covers at most %d quarters; %s to %s is longer."
              .formatted(MAX_QUARTERS, from, to));
    }
    List<TrendPoint> points = rollups.range(scope, from, to).stream().map(TrendPoint::of).toList();
    if (groupId != null && points.isEmpty() && !reads.tree(now).contains(groupId)) {
      throw new RequestRefused(
          RequestRefused.Kind.NOT_FOUND,
          "unknown-group",
          "groupId",
          "There is no group '%s'.".formatted(groupId));
    }
    return new Trend(scope, groupId, from.toString(), to.toString(), points);
  }

  private static Quarter back(Quarter quarter, int quarters) {
    Quarter q = quarter;
    for (int i = 0; i < quarters; i++) {
      q = q.previous();
    }
    return q;
  }
}
