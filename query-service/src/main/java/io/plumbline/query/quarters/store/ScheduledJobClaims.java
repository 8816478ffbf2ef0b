package io.plumbline.query.quarters.store;

import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Work the fleet does once per interval, whichever replica gets to it first: a replica claims a
 * job's turn by moving its next turn forward with a conditional update, which only one replica can
 * win for a given turn.
 */
@Component
public class ScheduledJobClaims {

  private final MongoTemplate mongo;

  public ScheduledJobClaims(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Document("fleet_turns")
  record Turn(@Id String job, Instant nextAt) {}

  /** Whether this replica takes the job's turn now; the next turn is then an interval away. */
  public boolean claim(String job, Duration interval, Instant now) {
    boolean moved =
        mongo
                .updateFirst(
                    Query.query(Criteria.where("_id").is(job).and("nextAt").lte(now)),
                    new Update().set("nextAt", now.plus(interval)),
                    Turn.class)
                .getModifiedCount()
            == 1;
    if (moved) {
      return true;
    }
    if (mongo.exists(Query.query(Criteria.where("_id").is(job)), Turn.class)) {
      return false;
    }
    try {
      // the first turn ever: the fleet's clock starts now, the work is done an interval from now
      mongo.insert(new Turn(job, now.plus(interval)));
    } catch (DuplicateKeyException anotherReplicaWasFirst) {
      // its turn stands
    }
    return false;
  }
}
