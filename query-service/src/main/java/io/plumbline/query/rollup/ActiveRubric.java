package io.plumbline.query.rollup;

import io.plumbline.query.maturity.MaturityEvaluator;
import io.plumbline.query.maturity.Quarter;
import io.plumbline.query.maturity.Rubric;
import io.plumbline.query.maturity.RubricDocument;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The rubric in force. It survives restarts in MongoDB; until an admin activates another, the
 * default file that ships with Plumbline is used.
 */
@Component
public class ActiveRubric {

  private final MongoTemplate mongo;
  private final Quarter.Calendar calendar;
  private final AtomicReference<MaturityEvaluator> evaluator = new AtomicReference<>();

  public ActiveRubric(MongoTemplate mongo, Quarter.Calendar calendar) {
    this.mongo = mongo;
    this.calendar = calendar;
    StoredRubric stored = mongo.findById(StoredRubric.ACTIVE, StoredRubric.class);
    Rubric rubric =
        stored == null ? RubricDocument.defaultRubric() : RubricDocument.parse(stored.text());
    evaluator.set(new MaturityEvaluator(calendar, rubric));
  }

  public MaturityEvaluator evaluator() {
    return evaluator.get();
  }

  public Quarter.Calendar calendar() {
    return calendar;
  }

  /** Stores the rubric as the one in force and returns its evaluator. */
  public MaturityEvaluator activate(Rubric rubric, String text, Instant now) {
    mongo.save(new StoredRubric(StoredRubric.ACTIVE, rubric.version(), text, now));
    MaturityEvaluator next = new MaturityEvaluator(calendar, rubric);
    evaluator.set(next);
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
  record StoredRubric(@Id String id, String version, String text, Instant activatedAt) {
    static final String ACTIVE = "active";
  }
}
