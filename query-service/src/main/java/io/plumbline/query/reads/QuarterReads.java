package io.plumbline.query.reads;

import io.plumbline.query.org.model.GroupTree;
import io.plumbline.query.org.store.OrgTree;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.store.ActiveRubric;
import io.plumbline.query.web.Filters;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Resolves the quarter a read asks for, its evaluation instant and the org tree then. */
@Component
public class QuarterReads {

  private final ActiveRubric rubric;
  private final OrgTree org;
  private final Clock clock;

  QuarterReads(ActiveRubric rubric, OrgTree org, Clock clock) {
    this.rubric = rubric;
    this.org = org;
    this.clock = clock;
  }

  /** A quarter read: the quarter, the instant it is evaluated at, the org tree at that instant. */
  public record QuarterRead(Quarter quarter, Instant asOf, GroupTree tree) {}

  public Instant now() {
    return clock.instant();
  }

  public Quarter.Calendar calendar() {
    return rubric.calendar();
  }

  /** The quarter a parameter names, or the current one ({@code 400 invalid-parameter}). */
  public Quarter quarter(String value) {
    return rubric.quarter(value, clock.instant());
  }

  /** The quarter a filter names, or the current one ({@code 422 invalid-filter}). */
  public Quarter filterQuarter(Filters filters, String name) {
    return rubric.filterQuarter(filters.text(name).orElse(null), name, clock.instant());
  }

  /** The quarter a filter names (or the current one), as evaluated now, with the tree then. */
  public QuarterRead read(Filters filters, String name) {
    Instant now = clock.instant();
    Quarter quarter = rubric.filterQuarter(filters.text(name).orElse(null), name, now);
    Instant asOf = rubric.calendar().evaluationInstant(quarter, now);
    return new QuarterRead(quarter, asOf, org.asOf(asOf));
  }

  /** The org tree as it stood at an instant. */
  public GroupTree tree(Instant asOf) {
    return org.asOf(asOf);
  }
}
