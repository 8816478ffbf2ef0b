package io.plumbline.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** H2's backend whose collections find a filter's {@code _id} in the index ({@link IdLookup}). */
class IdIndexedH2Backend extends H2Backend {

  IdIndexedH2Backend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getMvStore(), getCursorRegistry());
  }

  /**
   * An inner class: H2Database opens the collections it finds from its own constructor, before a
   * field of this class could be set, and the store is the enclosing backend's.
   */
  private final class Database extends H2Database {

    Database(String name, MVStore store, CursorRegistry cursors) {
      super(name, store, cursors);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      MVStore mvStore = getMvStore();
      // the map names H2Database gives a collection's documents and metadata
      String namespace = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data = mvStore.openMap("databases." + namespace);
      MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
      return new H2Collection(this, collectionName, options, data, meta, cursorRegistry) {
        @Override
        protected QueryResult queryDocuments(
            Document query,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fieldSelector) {
          Iterable<Object> byId = IdLookup.positions(getIndexes(), query);
          return byId == null
              ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
              : matchDocuments(query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
      };
    }
  }
}
