package io.plumbline.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the stand-in finds the documents a filter can match when the filter names one {@code _id}
 * beside other conditions ({@code {_id: x, seq: 3}}, or {@code {$and: [{_id: x}, …]}}): at that
 * id's position in the {@code _id} index, instead of in every document of the collection.
 *
 * <p>mongo-java-server uses an index only for a filter on exactly the index's keys, and otherwise
 * reads and matches every document. A conditional write by id — a fenced replace, a lease, removing
 * a mark unless it was marked again — then cost a scan of its collection, so recomputing every
 * team's figures grew with the square of the teams. MongoDB looks such a filter up in the {@code
 * _id} index. The candidates found here are still matched against the whole filter.
 */
final class ById {

  private static final String ID = "_id";

  private ById() {}

  /**
   * @return the positions of the documents the filter can match, or null when it names no single id
   *     (the caller then does what it did before)
   */
  static <P> Iterable<P> positions(List<Index<P>> indexes, Document filter) {
    if (filter == null || filter.keySet().equals(java.util.Set.of(ID))) {
      return null; // no filter, or one the stand-in's own index lookup already answers
    }
    Object id = named(filter);
    if (id == null) {
      return null;
    }
    for (Index<P> index : indexes) {
      List<IndexKey> keys = index.getKeys();
      if (keys.size() == 1 && ID.equals(keys.get(0).getKey())) {
        return index.getPositions(new Document(ID, id));
      }
    }
    return null;
  }

  /**
   * The id the filter requires, when it requires one plainly, at its top or in a top-level $and.
   */
  static Object named(Document filter) {
    Object id = plain(filter.get(ID));
    if (id != null) {
      return id;
    }
    if (filter.get("$and") instanceof List<?> conditions) {
      for (Object condition : conditions) {
        if (condition instanceof Document each && plain(each.get(ID)) != null) {
          return plain(each.get(ID));
        }
      }
    }
    return null;
  }

  /** A value compared for equality: not an operator document, a list, a pattern or a regex. */
  private static Object plain(Object value) {
    if (value == null
        || value instanceof Map<?, ?>
        || value instanceof Collection<?>
        || value instanceof Pattern
        || value instanceof de.bwaldvogel.mongo.bson.BsonRegularExpression) {
      return null;
    }
    return value;
  }
}
