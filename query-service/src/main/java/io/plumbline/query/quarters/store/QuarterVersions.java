package io.plumbline.query.quarters.store;

import io.plumbline.query.rubric.model.Quarter;
import java.util.Collection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A counter per quarter that grows after its team rows change, read before the rows are read for
 * its rollups: rollups computed from rows read earlier carry a lower count, so the store can refuse
 * them over rollups computed from rows read later, whichever replica writes last.
 */
@Component
public class QuarterVersions {

  private static final String COLLECTION = "quarter_versions";

  private final MongoTemplate mongo;

  QuarterVersions(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Counts a change of the quarters' rows, after the rows were written. */
  void changed(Collection<Quarter> quarters) {
    for (Quarter quarter : quarters) {
      mongo.upsert(
          Query.query(Criteria.where("_id").is(quarter.toString())),
          new Update().inc("version", 1),
          COLLECTION);
    }
  }

  /** The quarter's count, read before its rows are read. */
  public long of(Quarter quarter) {
    Document version =
        mongo.findOne(
            Query.query(Criteria.where("_id").is(quarter.toString())), Document.class, COLLECTION);
    return version == null ? 0 : ((Number) version.get("version")).longValue();
  }
}
