package io.plumbline.events.slo;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An SLO was defined, or redefined with the same {@code sloId}: the latest definition before an
 * instant is the one in force. An SLO has one or more objectives (OpenSLO's composite SLOs and SLOs
 * with several thresholds have several), each strictly between 0 and 100 percent, and at most one
 * time window: OpenSLO leaves the window optional, and without one no error budget is derived.
 *
 * <p>Revision 2 replaced revision 1's {@code objectivePercent} and {@code windowDays} by {@code
 * objectives} and {@code window}; {@link io.plumbline.events.EventUpcasts} reads revision 1 as 2.
 */
@EventRevision("2")
public record SloDefined(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String sloId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String serviceId,
    @NotNull SliKind sliKind,
    @NotNull @NotEmpty @Size(max = 20) List<@NotNull @Valid SloObjective> objectives,
    @Valid SloWindow window,
    @NotNull boolean errorBudgetPolicy,
    @NotNull boolean burnRateAlerts,
    @NotNull Instant occurredAt)
    implements SloEvent {

  public SloDefined {
    objectives = objectives == null ? List.of() : List.copyOf(objectives);
  }

  /** An SLO with one objective over a rolling window of whole days, as revision 1 described it. */
  public SloDefined(
      String eventId,
      String teamId,
      String sloId,
      String serviceId,
      SliKind sliKind,
      BigDecimal objectivePercent,
      int windowDays,
      boolean errorBudgetPolicy,
      boolean burnRateAlerts,
      Instant occurredAt) {
    this(
        eventId,
        teamId,
        sloId,
        serviceId,
        sliKind,
        List.of(new SloObjective(null, objectivePercent)),
        SloWindow.rollingDays(windowDays),
        errorBudgetPolicy,
        burnRateAlerts,
        occurredAt);
  }

  /**
   * The strictest objective: the one with the smallest error budget, which the SLO's budget policy
   * and alerts answer to first.
   */
  public BigDecimal objectivePercent() {
    return objectives.stream()
        .map(SloObjective::targetPercent)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }

  /**
   * Error budget in minutes of the strictest objective: (1 − objective) × window; 43.2 at 99.9 %
   * over 30 days. None without a window.
   */
  public Optional<BigDecimal> errorBudgetMinutes() {
    if (window == null) {
      return Optional.empty();
    }
    BigDecimal unavailable = BigDecimal.ONE.subtract(objectivePercent().movePointLeft(2));
    return Optional.of(
        unavailable.multiply(BigDecimal.valueOf(window.nominalMinutes())).stripTrailingZeros());
  }
}
