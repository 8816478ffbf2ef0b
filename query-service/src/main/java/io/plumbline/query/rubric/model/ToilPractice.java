package io.plumbline.query.rubric.model;

import io.plumbline.events.toil.ToilAutomationShipped;
import io.plumbline.events.toil.ToilMeasured;
import io.plumbline.query.facts.model.TeamFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The toil practice: toil is measured (1), kept under the cap this quarter (2), automated away (3),
 * low and falling (4), and very low two quarters running (5). Of several measurements of the same
 * period, the re-measurement dated latest counts and supersedes the others.
 */
public final class ToilPractice {

  private final Rubric.ToilRules rules;

  public ToilPractice(Rubric.ToilRules rules) {
    this.rules = rules;
  }

  /** A quarter's toil: the sums over its measurements. */
  public record QuarterToil(BigDecimal toilHours, BigDecimal opsHours, List<String> evidence) {
    public boolean atMost(BigDecimal maxShare) {
      return Ratios.atMost(toilHours, opsHours, maxShare);
    }

    public boolean higherThan(QuarterToil other) {
      return toilHours.multiply(other.opsHours).compareTo(other.toilHours.multiply(opsHours)) > 0;
    }

    public String share() {
      return Ratios.percent(toilHours, opsHours);
    }
  }

  /** The measurements that count as of the period's end: each period's latest re-measurement. */
  public static List<ToilMeasured> counting(TeamFacts facts, Period period) {
    Map<String, ToilMeasured> latest = new LinkedHashMap<>();
    // facts come in the order they happened, so a later re-measurement replaces an earlier one
    for (ToilMeasured m : facts.before(period.asOf(), ToilMeasured.class)) {
      latest.remove(m.periodStart() + "/" + m.periodEnd());
      latest.put(m.periodStart() + "/" + m.periodEnd(), m);
    }
    return List.copyOf(latest.values());
  }

  /** The toil of the period's quarter, from the measurements that count. */
  public static Optional<QuarterToil> thisQuarter(TeamFacts facts, Period period) {
    return sum(
        counting(facts, period).stream()
            .filter(m -> period.inThisQuarter(m.occurredAt()))
            .toList());
  }

  public PracticeResult evaluate(TeamFacts facts, Period period) {
    List<ToilMeasured> all = facts.before(period.asOf(), ToilMeasured.class);
    List<ToilMeasured> measurements = counting(facts, period);
    Set<ToilMeasured> counted = new HashSet<>(measurements);
    List<String> superseded =
        all.stream().filter(m -> !counted.contains(m)).map(ToilMeasured::eventId).toList();
    Optional<QuarterToil> current =
        sum(measurements.stream().filter(m -> period.inThisQuarter(m.occurredAt())).toList());
    Optional<QuarterToil> previous =
        sum(measurements.stream().filter(m -> period.inPreviousQuarter(m.occurredAt())).toList());
    List<Criterion> criteria = new ArrayList<>();

    criteria.add(
        new Criterion(
            1,
            "toil.measured",
            "Toil measured at least once",
            !measurements.isEmpty(),
            measurements.size()
                + " measurement(s)"
                + (superseded.isEmpty()
                    ? ""
                    : ", superseded by re-measurements: " + String.join(", ", superseded)),
            measurements.stream().map(ToilMeasured::eventId).toList()));
    criteria.add(
        capped(
            2,
            "toil.capped",
            "Toil measured this quarter and at most %s",
            rules.ownedMaxShare(),
            current));

    List<String> automations =
        facts.before(period.asOf(), ToilAutomationShipped.class).stream()
            .filter(a -> period.inThisQuarter(a.occurredAt()))
            .map(ToilAutomationShipped::eventId)
            .toList();
    criteria.add(
        new Criterion(
            3,
            "toil.automation-shipped",
            "A toil automation shipped this quarter",
            !automations.isEmpty(),
            automations.size() + " automation(s) this quarter",
            automations));

    criteria.add(
        capped(4, "toil.low", "Toil at most %s this quarter", rules.enforcedMaxShare(), current));
    boolean falling =
        current.isPresent() && previous.isPresent() && previous.get().higherThan(current.get());
    criteria.add(
        new Criterion(
            4,
            "toil.falling",
            "Toil lower than in the previous quarter",
            falling,
            "this quarter %s, previous quarter %s"
                .formatted(
                    current.map(QuarterToil::share).orElse("unmeasured"),
                    previous.map(QuarterToil::share).orElse("unmeasured")),
            evidence(current, previous)));

    criteria.add(
        capped(
            5,
            "toil.very-low",
            "Toil at most %s this quarter",
            rules.multiplyingMaxShare(),
            current));
    criteria.add(
        capped(
            5,
            "toil.very-low-previous",
            "Toil at most %s in the previous quarter",
            rules.multiplyingMaxShare(),
            previous));
    return PracticeResult.of(Practice.TOIL, criteria);
  }

  /** The toil of the measurements given, or empty when there are none. */
  public static Optional<QuarterToil> sum(List<ToilMeasured> measurements) {
    if (measurements.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal toil = BigDecimal.ZERO;
    BigDecimal ops = BigDecimal.ZERO;
    for (ToilMeasured m : measurements) {
      toil = toil.add(m.toilHours());
      ops = ops.add(m.opsHours());
    }
    if (ops.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new QuarterToil(toil, ops, measurements.stream().map(ToilMeasured::eventId).toList()));
  }

  private static Criterion capped(
      int level, String id, String description, BigDecimal max, Optional<QuarterToil> toil) {
    boolean passed = toil.isPresent() && toil.get().atMost(max);
    String maxText = Ratios.percent(max, BigDecimal.ONE);
    return new Criterion(
        level,
        id,
        description.formatted(maxText),
        passed,
        toil.map(q -> "toil share " + q.share()).orElse("not measured"),
        toil.map(QuarterToil::evidence).orElse(List.of()));
  }

  private static List<String> evidence(Optional<QuarterToil> a, Optional<QuarterToil> b) {
    List<String> ids = new ArrayList<>();
    a.ifPresent(q -> ids.addAll(q.evidence()));
    b.ifPresent(q -> ids.addAll(q.evidence()));
    return ids;
  }
}
