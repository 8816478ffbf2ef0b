package io.plumbline.query.publication.store;

import io.plumbline.query.quarters.model.Publication;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.store.PublicationStore;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.rollups.model.PublishedRollup;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rollups.store.GroupRollups;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.store.ActiveRubric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Publishes quarters: freezes the team rows, then the rollups computed from exactly those rows,
 * then records the publication — the last write is the one that makes it published, so a crash half
 * way leaves the quarter unpublished and a retry completes it.
 *
 * <p>A quarter is published automatically when its end plus the grace period passes while Plumbline
 * runs. The moment up to which that has been checked is kept in MongoDB and advanced by a
 * compare-and-set, so with several replicas one of them publishes; a quarter imported after its
 * moment had passed (a backfill) is published only explicitly.
 */
@Component
public class QuarterPublisher {

  private static final String CLOCK = "publication-clock";

  private final PublicationStore publications;
  private final GroupRollups rollups;
  private final ActiveRubric rubric;
  private final MongoTemplate mongo;
  private final Duration grace;

  QuarterPublisher(
      PublicationStore publications,
      GroupRollups rollups,
      ActiveRubric rubric,
      MongoTemplate mongo,
      @Value("${plumbline.publication.grace:14d}") Duration grace) {
    this.publications = publications;
    this.rollups = rollups;
    this.rubric = rubric;
    this.mongo = mongo;
    this.grace = grace;
  }

  /** The outcome of a request to publish: the publication, and whether this request made it. */
  public record Outcome(Publication publication, boolean created) {}

  /**
   * Publishes a closed quarter, once: a repeated request answers the publication that stands.
   *
   * @throws RequestRefused 409 when the quarter has not ended, or teams still wait to be recomputed
   *     for it (the figures would be frozen half-updated)
   */
  public Outcome publish(Quarter quarter, String by, Instant now) {
    Optional<Publication> existing = publications.find(quarter);
    if (existing.isPresent()) {
      return new Outcome(existing.get(), false);
    }
    if (rubric.calendar().end(quarter).isAfter(now)) {
      throw new RequestRefused(
          RequestRefused.Kind.CONFLICT,
          "quarter-not-closed",
          "quarter",
          "Quarter %s ends at %s; only a closed quarter is published."
              .formatted(quarter, rubric.calendar().end(quarter)));
    }
    long pending = publications.pendingThrough(quarter);
    if (pending > 0) {
      throw new RequestRefused(
          RequestRefused.Kind.CONFLICT,
          "figures-pending",
          "quarter",
          "%d team(s) are still being recomputed for %s or earlier; publish once they are done (GET /api/v1/admin/rubric/replay shows the progress)."
              .formatted(pending, quarter));
    }
    List<TeamQuarter> rows = publications.freeze(quarter);
    for (Rollup rollup : rollups.calculate(quarter, rows, now)) {
      mongo.save(new PublishedRollup(rollup.id(), rollup.quarter(), rollup));
    }
    Publication candidate =
        new Publication(
            quarter.toString(),
            now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), // as MongoDB keeps it
            by,
            rubric.evaluator().rubric().version(),
            (int) rows.stream().filter(TeamQuarter::active).count());
    Publication standing = publications.commit(candidate);
    return new Outcome(standing, standing == candidate);
  }

  /**
   * Publishes every quarter whose end plus the grace period passed since the last check, if it has
   * figures and is not published yet. The first check ever only sets the clock: what was imported
   * before Plumbline first ran is a backfill.
   *
   * @return the quarters published
   */
  public List<Quarter> publishDue(Instant now) {
    Instant checkedUpTo = checkedUpTo();
    if (checkedUpTo == null) {
      advance(null, now);
      return List.of();
    }
    if (!now.isAfter(checkedUpTo)) {
      return List.of(); // another replica has checked up to later already
    }
    Quarter.Calendar calendar = rubric.calendar();
    List<Quarter> published = new java.util.ArrayList<>();
    Instant reached = now;
    for (Quarter q = calendar.quarterOf(checkedUpTo.minus(grace)); ; q = q.next()) {
      Instant due = calendar.end(q).plus(grace);
      if (due.isAfter(now)) {
        break;
      }
      if (!due.isAfter(checkedUpTo) || publications.find(q).isPresent()) {
        continue;
      }
      if (publications.liveRows(q).isEmpty()) {
        continue;
      }
      if (publications.pendingThrough(q) > 0) {
        reached = due.minusMillis(1); // not yet: this quarter is due again at the next check
        break;
      }
      publish(q, Publication.AUTOMATIC, now);
      published.add(q);
    }
    advance(checkedUpTo, reached);
    return published;
  }

  record PublicationClock(String id, Instant checkedUpTo) {}

  private Instant checkedUpTo() {
    PublicationClock clock = mongo.findById(CLOCK, PublicationClock.class, "publication_clock");
    return clock == null ? null : clock.checkedUpTo();
  }

  /**
   * Moves the clock from what this replica read to {@code to}; a replica that lost a race no-ops.
   */
  private void advance(Instant from, Instant to) {
    Query current = Query.query(Criteria.where("_id").is(CLOCK).and("checkedUpTo").is(from));
    if (from == null) {
      try {
        mongo.insert(new PublicationClock(CLOCK, to), "publication_clock");
      } catch (org.springframework.dao.DuplicateKeyException anotherReplicaWasFirst) {
        // its clock stands
      }
      return;
    }
    mongo.updateFirst(current, new Update().set("checkedUpTo", to), "publication_clock");
  }
}
