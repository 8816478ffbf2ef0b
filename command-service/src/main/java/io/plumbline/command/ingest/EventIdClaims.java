package io.plumbline.command.ingest;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Makes an event id unique across the whole store: the first aggregate to claim an id owns it.
 * Within that aggregate, the aggregate itself tells a retry (same content) from a reuse.
 */
@Component
class EventIdClaims {

  private final MongoTemplate mongo;

  EventIdClaims(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Document("event_id_claims")
  record Claim(@Id String eventId, String aggregateId) {}

  /**
   * @return true when this call made the claim (and should release it if the command fails)
   * @throws CommandRejectedException when another aggregate owns the id
   */
  boolean claim(String eventId, String aggregateId) {
    try {
      mongo.insert(new Claim(eventId, aggregateId));
      return true;
    } catch (DuplicateKeyException e) {
      Claim existing = mongo.findById(eventId, Claim.class);
      if (existing != null && !existing.aggregateId().equals(aggregateId)) {
        throw new CommandRejectedException(
            Reason.EVENT_ID_REUSED,
            "eventId",
            "Event id '%s' was already used for another team or group; use a new id for a new fact."
                .formatted(eventId));
      }
      return false;
    }
  }

  void release(String eventId) {
    mongo.remove(new Claim(eventId, null));
  }
}
