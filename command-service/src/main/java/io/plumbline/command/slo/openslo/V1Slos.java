package io.plumbline.command.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.command.slo.SloSpec;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an {@code openslo/v1} SLO: its indicator inline or by reference (per objective for a
 * composite SLO), its alert policies inline or by reference, and its {@code timeWindow}.
 */
final class V1Slos {

  private static final Pattern DURATION = Pattern.compile(SloWindow.DURATION);

  private V1Slos() {}

  /**
   * The SLO's spec; the SLIs and AlertPolicies it refers to are added to {@code referenced}, so
   * that those no SLO refers to can be ignored.
   */
  static SloSpec read(
      Located slo,
      Map<String, Located> slis,
      Map<String, Located> alertPolicies,
      Set<Located> referenced) {
    String sloId = SloFields.id(slo, "/metadata/name");
    String service = SloFields.id(slo, "/spec/service");
    JsonNode spec = slo.node.path("spec");
    List<SloObjective> objectives = SloFields.objectives(slo, "/spec/objectives");
    boolean composite = false;
    JsonNode objectiveNodes = spec.path("objectives");
    for (int i = 0; i < objectiveNodes.size(); i++) {
      JsonNode objective = objectiveNodes.get(i);
      if (objective.has("indicator") || objective.has("indicatorRef")) {
        composite = true;
        indicator(slo, "/spec/objectives/" + i, slis, referenced);
      }
    }
    if (!composite || spec.has("indicator") || spec.has("indicatorRef")) {
      indicator(slo, "/spec", slis, referenced);
    }
    SloWindow window = v1Window(slo);
    boolean alerts = alertPolicies(slo, alertPolicies, referenced);
    return new SloSpec(
        sloId,
        service,
        SloFields.sliKind(slo),
        objectives,
        window,
        SloFields.errorBudgetPolicy(slo),
        alerts);
  }

  private static void indicator(
      Located slo, String at, Map<String, Located> slis, Set<Located> referenced) {
    JsonNode parent = slo.node.at(at);
    boolean inline = parent.has("indicator");
    boolean byRef = parent.has("indicatorRef");
    if (inline && byRef) {
      throw slo.refusal(at + "/indicatorRef", "Give indicator or indicatorRef, not both.");
    }
    if (!inline && !byRef) {
      throw slo.refusal(
          at,
          "An SLO needs an indicator (an inline SLI) or an indicatorRef (the name of an SLI"
              + " document), in spec or, for a composite SLO, in every objective.");
    }
    if (inline) {
      JsonNode sli = parent.get("indicator");
      if (!sli.isObject() || !sli.has("spec")) {
        throw slo.refusal(
            at + "/indicator", "indicator must be an SLI object with metadata and spec.");
      }
      return;
    }
    JsonNode ref = parent.get("indicatorRef");
    if (!ref.isTextual()) {
      throw slo.refusal(at + "/indicatorRef", "indicatorRef must be the name of an SLI, as text.");
    }
    Located sli = slis.get(ref.asText());
    if (sli == null) {
      throw slo.refusal(
          at + "/indicatorRef",
          "indicatorRef '%s' names no SLI in the submitted files; submit the file that defines it."
              .formatted(ref.asText()));
    }
    referenced.add(sli);
  }

  private static boolean alertPolicies(
      Located slo, Map<String, Located> alertPolicies, Set<Located> referenced) {
    JsonNode policies = slo.node.at("/spec/alertPolicies");
    if (policies.isMissingNode() || policies.isNull()) {
      return false;
    }
    if (!policies.isArray()) {
      throw slo.refusal("/spec/alertPolicies", "alertPolicies must be a list.");
    }
    for (int i = 0; i < policies.size(); i++) {
      JsonNode policy = policies.get(i);
      String at = "/spec/alertPolicies/" + i;
      if (policy.has("alertPolicyRef")) {
        String ref = policy.get("alertPolicyRef").asText();
        Located found = alertPolicies.get(ref);
        if (found == null) {
          throw slo.refusal(
              at + "/alertPolicyRef",
              "alertPolicyRef '%s' names no AlertPolicy in the submitted files; submit the file that defines it."
                  .formatted(ref));
        }
        referenced.add(found);
      } else if (!policy.isObject() || !policy.has("spec")) {
        throw slo.refusal(
            at,
            policy.isTextual()
                ? "An alert policy is an inline AlertPolicy or '- alertPolicyRef: %s', not a bare name."
                    .formatted(policy.asText())
                : "An alert policy is an inline AlertPolicy (with spec) or an alertPolicyRef.");
      }
    }
    return !policies.isEmpty();
  }

  private static SloWindow v1Window(Located slo) {
    JsonNode window = SloFields.onlyWindow(slo, "timeWindow");
    if (window == null) {
      return null;
    }
    String at = "/spec/timeWindow/0";
    JsonNode duration = window.path("duration");
    if (!duration.isTextual() || !DURATION.matcher(duration.asText()).matches()) {
      throw slo.refusal(
          at + "/duration",
          "duration must be OpenSLO's shorthand, a positive number followed by m, h, d, w, M, Q or Y (e.g. 28d, 1M, 1Q), not "
              + (duration.isMissingNode() ? "missing" : "'" + duration.asText() + "'")
              + ".");
    }
    JsonNode calendar = window.path("calendar");
    JsonNode rolling = window.path("isRolling");
    if (!rolling.isMissingNode() && !rolling.isBoolean()) {
      throw slo.refusal(at + "/isRolling", "isRolling must be true or false.");
    }
    boolean hasCalendar = calendar.isObject();
    if (rolling.asBoolean(false) && hasCalendar) {
      throw slo.refusal(at + "/calendar", "A rolling window (isRolling: true) has no calendar.");
    }
    boolean calendarAligned = hasCalendar || (!rolling.isMissingNode() && !rolling.asBoolean());
    String timeZone = hasCalendar ? SloFields.timeZone(slo, at + "/calendar/timeZone") : null;
    return new SloWindow(duration.asText(), calendarAligned, timeZone);
  }
}
