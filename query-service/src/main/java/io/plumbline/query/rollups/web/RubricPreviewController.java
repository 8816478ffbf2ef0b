package io.plumbline.query.rollups.web;

import io.plumbline.query.reads.QuarterReads;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rollups.store.GroupRollups;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.store.ActiveRubric;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A candidate rubric's org and group rollups for a quarter, before anyone activates it. */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Rubric",
    description = "The rubric in force, its activation and previews")
@RestController
class RubricPreviewController {

  private final GroupRollups rollups;
  private final QuarterReads reads;

  RubricPreviewController(GroupRollups rollups, QuarterReads reads) {
    this.rollups = rollups;
    this.reads = reads;
  }

  record Preview(String rubricVersion, String quarter, Rollup org, List<Rollup> groups) {}

  /** The org and group rollups of a quarter under a candidate rubric; nothing is stored. */
  @Operation(summary = "A quarter's rollups under a candidate rubric; nothing is stored")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @Refusal(status = 422, reasons = "invalid-rubric")
  @PostMapping(
      value = "/api/v1/admin/rubric/preview",
      consumes = {"application/yaml", "application/x-yaml", "text/plain", "application/json"})
  Preview preview(@RequestBody String text, @RequestParam(required = false) String quarter) {
    MaturityEvaluator candidate = new MaturityEvaluator(reads.calendar(), ActiveRubric.parse(text));
    Quarter q = reads.quarter(quarter);
    List<Rollup> all = rollups.preview(candidate, q);
    Rollup org = all.stream().filter(r -> r.scope().equals(Rollup.ORG)).findFirst().orElseThrow();
    return new Preview(
        candidate.rubric().version(),
        q.toString(),
        org,
        all.stream().filter(r -> !r.scope().equals(Rollup.ORG)).toList());
  }
}
