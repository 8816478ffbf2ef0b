package io.plumbline.command.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.command.slo.SloSpec;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code openslo/v1alpha} SLO where it maps onto v1: objectives and a {@code timeWindows}
 * window of a unit and a count; it has no alert policies.
 */
final class V1alphaSlos {

  /** v1alpha's {@code timeWindows[].unit}, as v1's duration shorthand. */
  private static final Map<String, String> UNITS =
      Map.of(
          "Minute", "m", "Hour", "h", "Day", "d", "Week", "w", "Month", "M", "Quarter", "Q", "Year",
          "Y");

  private V1alphaSlos() {}

  /** The SLO's spec. */
  static SloSpec read(Located slo) {
    String sloId = SloFields.id(slo, "/metadata/name");
    String service = SloFields.id(slo, "/spec/service");
    List<SloObjective> objectives = SloFields.objectives(slo, "/spec/objectives");
    return new SloSpec(
        sloId,
        service,
        SloFields.sliKind(slo),
        objectives,
        v1alphaWindow(slo),
        SloFields.errorBudgetPolicy(slo),
        false);
  }

  private static SloWindow v1alphaWindow(Located slo) {
    JsonNode window = SloFields.onlyWindow(slo, "timeWindows");
    if (window == null) {
      return null;
    }
    String at = "/spec/timeWindows/0";
    String unit = UNITS.get(window.path("unit").asText());
    JsonNode count = window.path("count");
    if (unit == null) {
      throw slo.refusal(
          at + "/unit",
          "unit must be one of Minute, Hour, Day, Week, Month, Quarter, Year, not '%s'."
              .formatted(window.path("unit").asText()));
    }
    if (!count.isIntegralNumber() || count.asLong() < 1 || count.asLong() > 999_999) {
      throw slo.refusal(at + "/count", "count must be a positive whole number.");
    }
    boolean calendarAligned =
        window.path("calendar").isObject() || !window.path("isRolling").asBoolean(true);
    String timeZone =
        window.path("calendar").isObject()
            ? SloFields.timeZone(slo, at + "/calendar/timeZone")
            : null;
    return new SloWindow(count.asLong() + unit, calendarAligned, timeZone);
  }
}
