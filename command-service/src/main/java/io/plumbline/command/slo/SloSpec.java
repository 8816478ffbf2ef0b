package io.plumbline.command.slo;

import io.plumbline.events.Decimals;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import java.math.BigDecimal;

/** The desired definition of one SLO, as an OpenSLO document describes it. */
public record SloSpec(
    String sloId,
    String serviceId,
    SliKind sliKind,
    BigDecimal objectivePercent,
    int windowDays,
    boolean errorBudgetPolicy,
    boolean burnRateAlerts) {

  public SloSpec {
    objectivePercent = Decimals.canonical(objectivePercent);
  }

  /** The spec a definition in force amounts to. */
  static SloSpec of(SloDefined defined) {
    return new SloSpec(
        defined.sloId(),
        defined.serviceId(),
        defined.sliKind(),
        defined.objectivePercent(),
        defined.windowDays(),
        defined.errorBudgetPolicy(),
        defined.burnRateAlerts());
  }

  /** What must differ for a definition to count as changed. */
  String fingerprint() {
    return String.join(
        "|",
        serviceId,
        sliKind.name(),
        objectivePercent.toPlainString(),
        String.valueOf(windowDays),
        String.valueOf(errorBudgetPolicy),
        String.valueOf(burnRateAlerts));
  }
}
