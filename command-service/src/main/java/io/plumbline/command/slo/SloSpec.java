package io.plumbline.command.slo;

import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.util.List;
import java.util.stream.Collectors;

/** The desired definition of one SLO, as an OpenSLO document describes it. */
public record SloSpec(
    String sloId,
    String serviceId,
    SliKind sliKind,
    List<SloObjective> objectives,
    SloWindow window,
    boolean errorBudgetPolicy,
    boolean burnRateAlerts) {

  public SloSpec {
    objectives = List.copyOf(objectives);
  }

  /** The spec a definition in force amounts to. */
  static SloSpec of(SloDefined defined) {
    return new SloSpec(
        defined.sloId(),
        defined.serviceId(),
        defined.sliKind(),
        defined.objectives(),
        defined.window(),
        defined.errorBudgetPolicy(),
        defined.burnRateAlerts());
  }

  /** What must differ for a definition to count as changed. */
  String fingerprint() {
    return String.join(
        "|",
        serviceId,
        sliKind.name(),
        objectives.stream()
            .map(o -> o.name() + "=" + o.targetPercent().toPlainString())
            .collect(Collectors.joining(",")),
        String.valueOf(window),
        String.valueOf(errorBudgetPolicy),
        String.valueOf(burnRateAlerts));
  }
}
