package io.plumbline.command.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.events.Ids;
import io.plumbline.events.Names;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloObjective;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code openslo/v1} and {@code openslo/v1alpha} SLOs write alike: ids, objectives, the
 * annotations Plumbline reads, and a list of exactly one time window with its time zone.
 */
final class SloFields {

  private static final Pattern ID = Pattern.compile(Ids.PATTERN);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private SloFields() {}

  static List<SloObjective> objectives(Located slo, String at) {
    JsonNode objectives = slo.node.at(at);
    if (!objectives.isArray() || objectives.isEmpty()) {
      throw slo.refusal(at, "An SLO needs objectives: a list of at least one target.");
    }
    List<SloObjective> read = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      read.add(objective(slo, at + "/" + i, objectives.get(i)));
    }
    return read;
  }

  private static SloObjective objective(Located slo, String at, JsonNode objective) {
    JsonNode target = objective.path("target");
    JsonNode percent = objective.path("targetPercent");
    String name =
        objective.path("displayName").isTextual() ? objective.get("displayName").asText() : null;
    if (name != null && name.length() > 200) {
      name = name.substring(0, 200);
    }
    if (name != null && !name.matches(Names.PATTERN)) {
      throw slo.refusal(at + "/displayName", "displayName " + Names.PATTERN_MESSAGE + ".");
    }
    if (!target.isMissingNode() && !percent.isMissingNode()) {
      throw slo.refusal(at + "/targetPercent", "Give target or targetPercent, not both.");
    }
    if (target.isMissingNode() && percent.isMissingNode()) {
      throw slo.refusal(
          at,
          "An objective needs a target (a fraction, e.g. 0.999) or a targetPercent (e.g. 99.9).");
    }
    boolean fraction = !target.isMissingNode();
    JsonNode value = fraction ? target : percent;
    String field = fraction ? "/target" : "/targetPercent";
    if (!value.isNumber()) {
      throw slo.refusal(
          at + field,
          "%s must be a number, e.g. %s, not %s."
              .formatted(
                  field.substring(1),
                  fraction ? "0.999" : "99.9",
                  value.isTextual()
                      ? "the text \"" + Wording.abbreviate(value.asText()) + "\""
                      : Wording.describe(value)));
    }
    BigDecimal number = value.decimalValue();
    if (fraction && (number.signum() <= 0 || number.compareTo(BigDecimal.ONE) >= 0)) {
      throw slo.refusal(
          at + field,
          number.compareTo(BigDecimal.ONE) >= 0 && number.compareTo(HUNDRED) < 0
              ? "target is a fraction between 0 and 1 (0.999 is 99.9 %%), not %s; did you mean targetPercent: %s?"
                  .formatted(number.toPlainString(), number.toPlainString())
              : "target must lie strictly between 0 and 1, not %s."
                  .formatted(number.toPlainString()));
    }
    if (!fraction && (number.signum() <= 0 || number.compareTo(HUNDRED) >= 0)) {
      throw slo.refusal(
          at + field,
          "targetPercent must lie strictly between 0 and 100, not %s."
              .formatted(number.toPlainString()));
    }
    return new SloObjective(name, fraction ? number.movePointRight(2) : number);
  }

  /** An id Plumbline can refer to from every endpoint: the one id rule. */
  static String id(Located slo, String at) {
    JsonNode value = slo.node.at(at);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw slo.refusal(at, Wording.field(at) + " is required.");
    }
    String id = value.asText();
    if (!ID.matcher(id).matches()) {
      throw slo.refusal(
          at,
          "'%s' cannot be an id in Plumbline: ids %s (the same rule as everywhere in the API)."
              .formatted(Wording.abbreviate(id), Ids.PATTERN_MESSAGE));
    }
    return id;
  }

  static SliKind sliKind(Located slo) {
    JsonNode kind = slo.node.at("/metadata/annotations").path(OpenSloDocuments.SLI_KIND);
    if (kind.isMissingNode()) {
      return SliKind.AVAILABILITY;
    }
    try {
      return SliKind.valueOf(kind.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw slo.refusal(
          "/metadata/annotations/" + OpenSloDocuments.SLI_KIND.replace("/", "~1"),
          "Unknown SLI kind '%s'; one of %s."
              .formatted(
                  kind.asText(),
                  Arrays.stream(SliKind.values())
                      .map(k -> k.name().toLowerCase(Locale.ROOT))
                      .toList()));
    }
  }

  static boolean errorBudgetPolicy(Located slo) {
    return "true"
        .equalsIgnoreCase(
            slo.node
                .at("/metadata/annotations")
                .path(OpenSloDocuments.ERROR_BUDGET_POLICY)
                .asText());
  }

  /**
   * The one window of a {@code timeWindow} (v1) or {@code timeWindows} (v1alpha) list, or null when
   * there is none; two windows are refused rather than the first taken.
   */
  static JsonNode onlyWindow(Located slo, String field) {
    JsonNode windows = slo.node.at("/spec/" + field);
    if (windows.isMissingNode() || windows.isNull()) {
      return null;
    }
    if (!windows.isArray() || windows.size() != 1) {
      throw slo.refusal(
          "/spec/" + field,
          field
              + " is a list of exactly one window, found "
              + (windows.isArray() ? windows.size() + " windows" : "a " + Wording.describe(windows))
              + ".");
    }
    return windows.get(0);
  }

  static String timeZone(Located slo, String at) {
    JsonNode zone = slo.node.at(at);
    if (zone.isMissingNode() || zone.isNull()) {
      return null;
    }
    try {
      ZoneId.of(zone.asText());
      return zone.asText();
    } catch (DateTimeException e) {
      throw slo.refusal(
          at, "'%s' is not an IANA time zone name (e.g. Europe/Berlin).".formatted(zone.asText()));
    }
  }
}
