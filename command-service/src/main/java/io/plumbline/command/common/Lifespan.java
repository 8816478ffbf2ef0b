package io.plumbline.command.common;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The life of something in the team's world — a team, a service, an SLO, a runbook, an incident, an
 * action item — from the instant it began to the instant it ended, and the facts about it, each by
 * the instant it is dated. Admission follows this timeline, not the order of arrival: a fact dated
 * within the life is valid whenever it arrives, one dated outside is refused naming the life, and
 * an end dated before accepted facts is refused naming them.
 *
 * <p>The life includes its ends: a fact dated at the very instant something ended is within it, and
 * an end dated at the instant of an accepted fact is after it, so that the outcome does not depend
 * on which of the two arrives first.
 */
public final class Lifespan {

  /** How many conflicting event ids a refusal names before it only counts the rest. */
  static final int NAMED_CONFLICTS = 5;

  /** Refusals by date are about the submitted event's date. */
  private static final String FIELD = "occurredAt";

  private String what;
  private Reason endedReason;
  private String endedVerb;
  private Instant begins;
  private Instant ends;
  private Map<String, Instant> facts = new HashMap<>();

  /** For the snapshot serializer. */
  private Lifespan() {}

  private Lifespan(String what, Reason endedReason, String endedVerb, Instant begins) {
    this.what = what;
    this.endedReason = endedReason;
    this.endedVerb = endedVerb;
    this.begins = begins;
  }

  /**
   * @param what how refusals name it, e.g. {@code "SLO 'availability'"}
   * @param endedReason the refusal of a fact dated after the end, e.g. {@link Reason#SLO_RETIRED}
   * @param endedVerb how the end reads, e.g. {@code "was retired"}
   */
  public static Lifespan began(String what, Reason endedReason, String endedVerb, Instant at) {
    return new Lifespan(what, endedReason, endedVerb, at);
  }

  /** A life that does not end, such as an incident's: facts about it are dated after it began. */
  public static Lifespan began(String what, Instant at) {
    return new Lifespan(what, null, null, at);
  }

  public boolean hasEnded() {
    return ends != null;
  }

  public Instant ends() {
    return ends;
  }

  /** Refuses a fact dated outside the life, before its beginning or after its end. */
  public void requireWithin(Instant at) {
    if (at.isBefore(begins)) {
      throw new CommandRejectedException(
          Reason.DATED_BEFORE_START,
          FIELD,
          "%s began at %s; the event is dated %s, before that.".formatted(what, begins, at));
    }
    requireNotEnded(at);
  }

  /** Refuses a fact dated after the end. */
  public void requireNotEnded(Instant at) {
    if (ends != null && at.isAfter(ends)) {
      throw new CommandRejectedException(
          endedReason,
          FIELD,
          "%s %s at %s; the event is dated %s, after that.".formatted(what, endedVerb, ends, at));
    }
  }

  /** Refuses a second end: a thing ends once. */
  public void requireOpen() {
    if (ends != null) {
      throw new CommandRejectedException(
          endedReason, FIELD, "%s %s at %s; it ends once.".formatted(what, endedVerb, ends));
    }
  }

  /**
   * Refuses an end that would leave accepted facts dated after it: nothing accepted is silently
   * invalidated.
   */
  public void requireNoFactsAfter(Instant end) {
    List<String> later =
        facts.entrySet().stream()
            .filter(fact -> fact.getValue().isAfter(end))
            .sorted(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .toList();
    if (later.isEmpty()) {
      return;
    }
    String named = String.join(", ", later.subList(0, Math.min(NAMED_CONFLICTS, later.size())));
    String rest =
        later.size() > NAMED_CONFLICTS
            ? " and %d more".formatted(later.size() - NAMED_CONFLICTS)
            : "";
    throw new CommandRejectedException(
        Reason.EVIDENCE_AFTER_END,
        FIELD,
        "%s has accepted events dated after %s: %s%s; an end dated before them would invalidate them."
            .formatted(what, end, named, rest));
  }

  /** A fact about it was accepted. */
  public void record(String eventId, Instant at) {
    facts.put(eventId, at);
  }

  public void end(Instant at) {
    ends = at;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Lifespan that
        && Objects.equals(what, that.what)
        && endedReason == that.endedReason
        && Objects.equals(endedVerb, that.endedVerb)
        && Objects.equals(begins, that.begins)
        && Objects.equals(ends, that.ends)
        && facts.equals(that.facts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(what, begins, ends);
  }
}
