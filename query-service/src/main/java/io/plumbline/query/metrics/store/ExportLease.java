package io.plumbline.query.metrics.store;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which replica of the fleet exports the business gauges (teams per level, scores, campaigns): the
 * one holding this lease. Every replica computes the same figures from the shared store, so were
 * each to export them, a {@code sum} over the scraped replicas would count every team once per
 * replica. The holder renews the lease at every refresh; another replica takes it once it has not
 * been renewed for {@code plumbline.metrics.lease-ttl} (the holder died or stalled).
 */
@Component
public class ExportLease {

  private static final String COLLECTION = "leases";

  private final MongoTemplate mongo;
  private final String name;
  private final Clock clock;
  private final Duration ttl;
  private final String replica = UUID.randomUUID().toString();
  private volatile boolean held;

  @Autowired
  public ExportLease(
      MongoTemplate mongo, Clock clock, @Value("${plumbline.metrics.lease-ttl:45s}") Duration ttl) {
    this(mongo, clock, ttl, "business-metrics");
  }

  /** A lease of another name: for tests, which must not contend with the service's own. */
  public ExportLease(MongoTemplate mongo, Clock clock, Duration ttl, String name) {
    this.mongo = mongo;
    this.name = name;
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * Renews the lease if this replica holds it, or takes it if it has run out; an upsert that meets
   * the lease held by another replica is refused by the unique {@code _id}.
   *
   * @return whether this replica holds the lease now
   */
  public boolean renew() {
    var now = clock.instant();
    Query mineOrRunOut =
        Query.query(
            Criteria.where("_id")
                .is(name)
                .orOperator(
                    Criteria.where("holder").is(replica), Criteria.where("expiresAt").lte(now)));
    try {
      mongo.upsert(
          mineOrRunOut,
          new Update().set("holder", replica).set("expiresAt", now.plus(ttl)),
          COLLECTION);
      held = true;
    } catch (DuplicateKeyException heldByAnother) {
      held = false;
    }
    return held;
  }

  /** Whether this replica held the lease at its last renewal. */
  public boolean held() {
    return held;
  }
}
