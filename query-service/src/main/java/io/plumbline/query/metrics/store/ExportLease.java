package io.plumbline.query.metrics.store;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExportLease.class);

  private static final String COLLECTION = "leases";

  private final MongoTemplate mongo;
  private final String name;
  private final Clock clock;
  private final Duration ttl;
  private final String replica = UUID.randomUUID().toString();

  /** Until when this replica may export: a third of the lease short of when others may take it. */
  private volatile Instant heldUntil = Instant.MIN;

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
   * @return whether this replica holds the lease now; false too when the store cannot be asked
   *     (another replica may take the lease meanwhile, so this one stops exporting)
   */
  public boolean renew() {
    Instant now = clock.instant();
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
      heldUntil = now.plus(ttl.multipliedBy(2).dividedBy(3));
      return true;
    } catch (DuplicateKeyException heldByAnother) {
      heldUntil = Instant.MIN;
      return false;
    } catch (RuntimeException storeUnavailable) {
      heldUntil = Instant.MIN;
      log.warn("The metrics export lease could not be renewed: {}", storeUnavailable.toString());
      return false;
    }
  }

  /**
   * Whether this replica holds the lease: renewed, and not so long ago that another replica may
   * take it soon (a renewal that stalls past two thirds of the lease ends the export here first).
   */
  public boolean held() {
    return clock.instant().isBefore(heldUntil);
  }

  /**
   * Refuses a lease its holder cannot keep: renewed at every refresh, it must outlast three of
   * them, or a refresh that runs a little long hands the export to another replica and back.
   *
   * @throws IllegalStateException naming both settings
   */
  public void requireRenewedEvery(Duration refreshInterval) {
    if (ttl.compareTo(refreshInterval.multipliedBy(3)) < 0) {
      throw new IllegalStateException(
          ("plumbline.metrics.lease-ttl (%s) must be at least three times"
                  + " plumbline.metrics.refresh-interval (%s): the exporter renews its lease at"
                  + " every refresh")
              .formatted(ttl, refreshInterval));
    }
  }

  /** Gives the lease up on shutdown, so that another replica exports at its next refresh. */
  @PreDestroy
  public void release() {
    try {
      mongo.remove(
          Query.query(Criteria.where("_id").is(name).and("holder").is(replica)), COLLECTION);
    } catch (RuntimeException e) {
      log.info("The metrics export lease was not released; it runs out: {}", e.toString());
    }
  }
}
