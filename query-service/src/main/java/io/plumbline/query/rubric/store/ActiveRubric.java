package io.plumbline.query.rubric.store;

import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.Rubric;
import io.plumbline.query.rubric.model.RubricDocument;
import io.plumbline.query.rubric.model.RubricInForce;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rubric in force, for the whole fleet. It lives in MongoDB with a generation that every
 * activation raises; each replica follows it (every {@code plumbline.rubric.follow-interval}, and
 * before each round of recomputation), so an activation on any replica takes effect on all of them
 * within seconds. Figures carry the generation they were computed under, and the store refuses to
 * replace figures of a later generation. Until an admin activates a rubric, the default file that
 * ships with Plumbline is in force (generation 0).
 */
@Component
public class ActiveRubric {

  private final MongoTemplate mongo;
  private final Quarter.Calendar calendar;
  private final AtomicReference<RubricInForce> inForce = new AtomicReference<>();

  public ActiveRubric(MongoTemplate mongo, Quarter.Calendar calendar) {
    this.mongo = mongo;
    this.calendar = calendar;
    StoredRubric stored = mongo.findById(StoredRubric.ACTIVE, StoredRubric.class);
    Rubric rubric =
        stored == null ? RubricDocument.defaultRubric() : RubricDocument.parse(stored.text());
    inForce.set(
        new RubricInForce(
            new MaturityEvaluator(calendar, rubric), stored == null ? 0 : stored.generation()));
  }

  public MaturityEvaluator evaluator() {
    return inForce.get().evaluator();
  }

  /** The rubric in force as this replica knows it, with its generation. */
  public RubricInForce inForce() {
    return inForce.get();
  }

  /**
   * Reads which rubric is in force from the store and takes it on if another replica activated a
   * later one.
   *
   * @return the generation in force now
   */
  @Scheduled(fixedDelayString = "${plumbline.rubric.follow-interval:2s}")
  public long follow() {
    StoredRubric stored = mongo.findById(StoredRubric.ACTIVE, StoredRubric.class);
    long generation = stored == null ? 0 : stored.generation();
    RubricInForce known = inForce.get();
    if (generation > known.generation()) {
      inForce.compareAndSet(
          known,
          new RubricInForce(
              new MaturityEvaluator(calendar, RubricDocument.parse(stored.text())), generation));
    }
    return inForce.get().generation();
  }

  public Quarter.Calendar calendar() {
    return calendar;
  }

  /** The quarter a read asks for, or the current one; never one that has not started. */
  public Quarter quarter(String value, Instant now) {
    Quarter current = calendar.quarterOf(now);
    if (value == null) {
      return current;
    }
    Quarter quarter;
    try {
      quarter = Quarter.parse(value);
    } catch (IllegalArgumentException e) {
      throw new RequestRefused(
          RequestRefused.Kind.MALFORMED, "invalid-parameter", "quarter", e.getMessage());
    }
    if (quarter.compareTo(current) > 0) {
      throw new RequestRefused(
          RequestRefused.Kind.MALFORMED,
          "invalid-parameter",
          "quarter",
          "Quarter %s has not started yet; the current quarter is %s.".formatted(quarter, current));
    }
    return quarter;
  }

  /**
   * The quarter a listing's filter names (or the current one): a malformed or future quarter is
   * refused as {@code 422 invalid-filter} naming the filter.
   */
  public Quarter filterQuarter(String value, String filter, Instant now) {
    try {
      return quarter(value, now);
    } catch (RequestRefused e) {
      throw RequestRefused.invalidFilter(filter, e.getMessage());
    }
  }

  /** A rubric document (YAML or JSON) read for activation or preview, or a 422 saying why not. */
  public static Rubric parse(String text) {
    try {
      return RubricDocument.parse(text);
    } catch (RubricDocument.InvalidRubricException e) {
      throw new RequestRefused(
          RequestRefused.Kind.INVALID,
          "invalid-rubric",
          null,
          "The rubric cannot be used: " + e.getMessage());
    }
  }

  /**
   * Stores the rubric as the one in force for the fleet, under the next generation, and takes it on
   * here.
   */
  public RubricInForce activate(Rubric rubric, String text, Instant now) {
    StoredRubric stored =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(StoredRubric.ACTIVE)),
            new Update()
                .set("version", rubric.version())
                .set("text", text)
                .set("activatedAt", now)
                .inc("generation", 1),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            StoredRubric.class);
    RubricInForce next =
        new RubricInForce(new MaturityEvaluator(calendar, rubric), stored.generation());
    inForce.updateAndGet(known -> known.generation() >= next.generation() ? known : next);
    return next;
  }

  /** The text of the rubric in force, as it was activated (or the default file). */
  public String text() {
    StoredRubric stored = mongo.findById(StoredRubric.ACTIVE, StoredRubric.class);
    if (stored != null) {
      return stored.text();
    }
    try (var in = RubricDocument.class.getResourceAsStream("/rubric/default.yaml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Document("rubrics")
  record StoredRubric(
      @Id String id, String version, String text, Instant activatedAt, long generation) {
    static final String ACTIVE = "active";
  }
}
