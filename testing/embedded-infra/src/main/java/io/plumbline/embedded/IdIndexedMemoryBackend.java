package io.plumbline.embedded;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The in-memory backend whose collections find a filter's {@code _id} in the index ({@link
 * IdLookup}).
 */
class IdIndexedMemoryBackend extends MemoryBackend {

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new MemoryDatabase(databaseName, getCursorRegistry()) {
      @Override
      protected MemoryCollection openOrCreateCollection(
          String collectionName, CollectionOptions options) {
        return new MemoryCollection(this, collectionName, options, cursorRegistry) {
          @Override
          protected QueryResult queryDocuments(
              Document query,
              Document orderBy,
              int numberToSkip,
              int limit,
              int batchSize,
              Document fieldSelector) {
            Iterable<Integer> byId = IdLookup.positions(getIndexes(), query);
            return byId == null
                ? super.queryDocuments(
                    query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                : matchDocuments(
                    query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector);
          }
        };
      }
    };
  }
}
