package io.plumbline.events.slo;

import io.plumbline.events.Decimals;
import io.plumbline.events.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One objective of an SLO: its target in percent (OpenSLO's {@code targetPercent}, or {@code
 * target} × 100) and, where the document gives one, its display name.
 */
public record SloObjective(
    @Size(max = 200) @Pattern(regexp = Names.PATTERN, message = Names.PATTERN_MESSAGE) String name,
    @NotNull BigDecimal targetPercent) {

  /** Numbers in their one written form (see {@link Decimals}). */
  public SloObjective {
    targetPercent = Decimals.canonical(targetPercent);
  }
}
