package io.plumbline.command.ingest;

import com.mongodb.ErrorCategory;
import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.EvidenceCommand;
import io.plumbline.command.common.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
        throw reused(eventId);
      }
      return false;
    }
  }

  void release(String eventId) {
    mongo.remove(new Claim(eventId, null));
  }

  /** What claiming one of many ids came to: made now, held already, or owned by another. */
  record Claimed(boolean now, CommandRejectedException refusal) {}

  /** Claims the ids of many commands in one round trip; the answer is in the commands' order. */
  List<Claimed> claimAll(List<? extends EvidenceCommand> commands) {
    Set<Integer> refused = new HashSet<>();
    try {
      mongo
          .bulkOps(BulkMode.UNORDERED, Claim.class)
          .insert(commands.stream().map(c -> new Claim(c.eventId(), c.aggregateId())).toList())
          .execute();
    } catch (BulkOperationException e) {
      for (var error : e.getErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        refused.add(error.getIndex());
      }
    }
    Map<String, String> owners = new HashMap<>();
    if (!refused.isEmpty()) {
      List<String> ids = refused.stream().map(i -> commands.get(i).eventId()).toList();
      mongo
          .find(Query.query(Criteria.where("_id").in(ids)), Claim.class)
          .forEach(claim -> owners.put(claim.eventId(), claim.aggregateId()));
    }
    List<Claimed> claimed = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      EvidenceCommand command = commands.get(i);
      String owner = owners.get(command.eventId());
      if (!refused.contains(i)) {
        claimed.add(new Claimed(true, null));
      } else if (owner != null && !owner.equals(command.aggregateId())) {
        claimed.add(new Claimed(false, reused(command.eventId())));
      } else {
        claimed.add(new Claimed(false, null));
      }
    }
    return claimed;
  }

  void releaseAll(Collection<String> eventIds) {
    if (!eventIds.isEmpty()) {
      mongo.remove(Query.query(Criteria.where("_id").in(eventIds)), Claim.class);
    }
  }

  private static CommandRejectedException reused(String eventId) {
    return new CommandRejectedException(
        Reason.EVENT_ID_REUSED,
        "eventId",
        "Event id '%s' was already used for another team or group; use a new id for a new fact."
            .formatted(eventId));
  }
}
