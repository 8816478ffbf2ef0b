package io.plumbline.query.report.web;

import io.plumbline.query.reads.QuarterReads;
import io.plumbline.query.report.model.ReportPage;
import io.plumbline.query.report.store.QuarterReports;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.web.Filters;
import io.plumbline.query.web.OperationWithQuarter;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarterly report as one HTML page, for the org or a group. The page loads nothing from
 * anywhere (its policy forbids it), so it can be saved, mailed or shown offline as it is.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Rollups",
    description = "Org and group figures per quarter")
@RestController
@RequestMapping("/api/v1")
class ReportController {

  /** Nothing but the page's own inline style: no script, no fetch, no external image or font. */
  static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'none'";

  private final QuarterReports reports;
  private final QuarterReads reads;

  ReportController(QuarterReports reports, QuarterReads reads) {
    this.reports = reports;
    this.reads = reads;
  }

  @OperationWithQuarter(
      summary = "The org's quarterly report: a self-contained HTML page for a leadership review")
  @Refusal(status = 404, reasons = "no-figures")
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping(value = "/org/report", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> org(
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    return page(parameters, null);
  }

  @OperationWithQuarter(summary = "A group's quarterly report, its subgroups' teams included")
  @Refusal(status = 404, reasons = "unknown-group")
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping(value = "/groups/{groupId}/report", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> group(
      @PathVariable String groupId,
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    return page(parameters, groupId);
  }

  private ResponseEntity<String> page(
      org.springframework.util.MultiValueMap<String, String> parameters, String groupId) {
    Quarter quarter = reads.filterQuarter(new Filters(parameters, Set.of("quarter")), "quarter");
    String html = ReportPage.render(reports.build(quarter, groupId), reads.now());
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .body(html);
  }
}
