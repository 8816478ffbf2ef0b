package io.plumbline.query.rubric.admin;

import io.plumbline.query.rubric.MaturityEvaluator;
import io.plumbline.query.rubric.Quarter;
import io.plumbline.query.rubric.Rubric;
import io.plumbline.query.rubric.RubricDocument;
import io.plumbline.query.web.ProblemException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
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
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-parameter", "quarter", e.getMessage());
    }
    if (quarter.compareTo(current) > 0) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "invalid-parameter",
          "quarter",
          "Quarter %s has not started yet; the current quarter is %s.".formatted(quarter, current));
    }
    return quarter;
  }

  /** A rubric document (YAML or JSON) read for activation or preview, or a 422 saying why not. */
  public static Rubric parse(String text) {
    try {
      return RubricDocument.parse(text);
    } catch (RubricDocument.InvalidRubricException e) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "invalid-rubric",
          null,
          "The rubric cannot be used: " + e.getMessage());
    }
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
