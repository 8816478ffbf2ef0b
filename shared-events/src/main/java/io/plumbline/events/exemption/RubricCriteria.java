package io.plumbline.events.exemption;

import java.util.List;

/**
 * The ids of the rubric's criteria, which an exemption names. A rubric version changes thresholds,
 * windows and weights, never which criteria there are, so the ids belong to the contract.
 */
public final class RubricCriteria {

  public static final List<String> IDS =
      List.of(
          "slo.active",
          "slo.error-budget-policy",
          "slo.burn-rate-alerts",
          "slo.critical-services-alerted",
          "slo.changes-behaviour",
          "slo.important-services-covered",
          "slo.all-reviewed-this-quarter",
          "postmortem.published",
          "postmortem.blameless-with-actions",
          "postmortem.major-incidents-followed-up",
          "postmortem.actions-on-time",
          "postmortem.improvement-shipped",
          "postmortem.cross-team",
          "runbook.active",
          "runbook.coverage-owned",
          "runbook.coverage-proactive",
          "runbook.reviewed-proactive",
          "runbook.automated",
          "runbook.coverage-multiplying",
          "runbook.reviewed-multiplying",
          "toil.measured",
          "toil.capped",
          "toil.automation-shipped",
          "toil.low",
          "toil.falling",
          "toil.very-low",
          "toil.very-low-previous");

  private RubricCriteria() {}
}
