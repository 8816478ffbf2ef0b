package io.plumbline.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * Where the stand-in finds the documents a filter can match when the filter names one {@code _id}
 * beside other conditions ({@code {_id: x, seq: 3}}, {@code {_id: {$in: […]}, claimedBy: r}}, or
 * {@code {$and: [{_id: x}, …]}}): at those ids' positions in the {@code _id} index, instead of in
 * every document of the collection.
 *
 * <p>mongo-java-server uses an index only for a filter on exactly the index's keys, and otherwise
 * reads and matches every document. A conditional write by id — a fenced replace, a lease, removing
 * a mark unless it was marked again — then cost a scan of its collection, so recomputing every
 * team's figures grew with the square of the teams. MongoDB looks such a filter up in the {@code
 * _id} index. The candidates found here are still matched against the whole filter; a condition the
 * index cannot answer ({@code $gt}, say) leaves the filter to the scan.
 */
final class IdLookup {

  private static final String ID = "_id";

  private IdLookup() {}

  /**
   * @return the positions of the documents the filter can match, or null when its condition on the
   *     id is not one the index answers (the caller then reads every document, as before)
   */
  static <P> Iterable<P> positions(List<Index<P>> indexes, Document filter) {
    if (filter == null || filter.keySet().equals(java.util.Set.of(ID))) {
      return null; // no filter, or one the stand-in's own index lookup already answers
    }
    Object condition = named(filter);
    if (condition == null) {
      return null;
    }
    Document byId = new Document(ID, condition);
    for (Index<P> index : indexes) {
      List<IndexKey> keys = index.getKeys();
      if (keys.size() == 1 && ID.equals(keys.get(0).getKey()) && index.canHandle(byId)) {
        return index.getPositions(byId);
      }
    }
    return null;
  }

  /**
   * The filter's condition on the id — a value, or an operator such as {@code $in} — at its top or
   * in a top-level {@code $and}; null when it has none.
   */
  static Object named(Document filter) {
    if (filter.containsKey(ID)) {
      return filter.get(ID);
    }
    if (filter.get("$and") instanceof List<?> conditions) {
      for (Object condition : conditions) {
        if (condition instanceof Document each && each.containsKey(ID)) {
          return each.get(ID);
        }
      }
    }
    return null;
  }
}
