package io.plumbline.query.rubric.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes figures computed under a rubric generation, unless the store already holds them computed
 * under a later one: the filter admits only an older (or unversioned) document, and an upsert that
 * finds none where the id exists is refused by the unique {@code _id}. So a replica that has not
 * yet taken on a newly activated rubric cannot regress figures the others have recomputed.
 */
public final class FencedFigureWrites {

  /** The field every versioned figure document carries. */
  public static final String GENERATION = "rubricGeneration";

  private FencedFigureWrites() {}

  /**
   * @return whether the figures were written; false when later figures stand
   */
  public static boolean save(MongoTemplate mongo, Object figures, String id, long generation) {
    return write(
        mongo,
        figures,
        and(eq("_id", id), or(lte(GENERATION, generation), exists(GENERATION, false))));
  }

  /**
   * Writes figures computed under a rubric generation from a number of facts ({@code fence}, which
   * only grows), unless the store holds figures of a later generation, or of the same generation
   * from more facts: a replica that computed from older facts cannot overwrite what another
   * computed from newer ones.
   *
   * @return whether the figures were written
   */
  public static boolean save(
      MongoTemplate mongo,
      Object figures,
      String id,
      long generation,
      String fenceField,
      long fence) {
    return write(mongo, figures, fenced(id, generation, fenceField, fence));
  }

  /** Figures computed under a generation from a number of facts, to be written if they stand. */
  public record Fenced(Object figures, String id, long generation, String fenceField, long fence) {}

  /**
   * Writes many figures of one kind in one request, each as {@link #save(MongoTemplate, Object,
   * String, long, String, long)} would.
   *
   * @return how many were refused because later figures stand
   */
  public static int saveAll(MongoTemplate mongo, Class<?> kind, List<Fenced> all) {
    if (all.isEmpty()) {
      return 0;
    }
    List<ReplaceOneModel<Document>> writes =
        all.stream()
            .map(
                f ->
                    new ReplaceOneModel<>(
                        fenced(f.id(), f.generation(), f.fenceField(), f.fence()),
                        document(mongo, f.figures()),
                        new ReplaceOptions().upsert(true)))
            .toList();
    try {
      mongo
          .getCollection(mongo.getCollectionName(kind))
          .bulkWrite(writes, new BulkWriteOptions().ordered(false));
      return 0;
    } catch (MongoBulkWriteException e) {
      boolean onlyRefusals =
          e.getWriteConcernError() == null
              && e.getWriteErrors().stream()
                  .allMatch(
                      error ->
                          ErrorCategory.fromErrorCode(error.getCode())
                              == ErrorCategory.DUPLICATE_KEY);
      if (onlyRefusals) {
        return e.getWriteErrors().size();
      }
      throw e;
    }
  }

  private static Bson fenced(String id, long generation, String fenceField, long fence) {
    return and(
        eq("_id", id),
        or(
            lt(GENERATION, generation),
            exists(GENERATION, false),
            and(
                eq(GENERATION, generation),
                or(lte(fenceField, fence), exists(fenceField, false)))));
  }

  private static Document document(MongoTemplate mongo, Object figures) {
    Document document = new Document();
    mongo.getConverter().write(figures, document);
    return document;
  }

  private static boolean write(MongoTemplate mongo, Object figures, Bson filter) {
    Document document = document(mongo, figures);
    String collection = mongo.getCollectionName(figures.getClass());
    try {
      mongo
          .getCollection(collection)
          .replaceOne(filter, document, new ReplaceOptions().upsert(true));
      return true;
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
