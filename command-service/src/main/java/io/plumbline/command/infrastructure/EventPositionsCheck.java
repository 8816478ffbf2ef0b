package io.plumbline.command.infrastructure;

import com.mongodb.client.MongoCollection;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * On start, before any processor runs or any request is answered: the event store's position
 * counter must stand above every stored commit and every tracking token, or new events would be
 * given positions that the publisher has already passed, and never be published. If it does not,
 * the counter is raised, and the operator told what was found.
 */
class EventPositionsCheck implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(EventPositionsCheck.class);
  private static final String CONFIG_TOKEN = "__config";

  private final CommitLogEventStorageEngine engine;
  private final MongoTemplate axonMongoTemplate;
  private final Serializer tokenSerializer;

  EventPositionsCheck(
      CommitLogEventStorageEngine engine,
      MongoTemplate axonMongoTemplate,
      Serializer tokenSerializer) {
    this.engine = engine;
    this.axonMongoTemplate = axonMongoTemplate;
    this.tokenSerializer = tokenSerializer;
  }

  @Override
  public void afterSingletonsInstantiated() {
    CommitLogEventStorageEngine.PositionRepair repair =
        engine.repairPositions(furthestTrackedPosition());
    if (repair.repaired()) {
      log.error(
          "The event store's position counter stood at {}, behind the store (furthest commit at {})"
              + " or a tracking token (at {}); raised to {} so that no new event is skipped. The"
              + " database lost writes it had acknowledged: events published before the loss may be"
              + " missing from the store.",
          repair.counterBefore(),
          repair.stored(),
          repair.tracked(),
          repair.counterAfter());
    } else {
      log.info("Event store positions are consistent (counter at {})", repair.counterBefore());
    }
  }

  private long furthestTrackedPosition() {
    MongoCollection<Document> tokens = axonMongoTemplate.trackingTokensCollection();
    long furthest = 0;
    for (Document entry : tokens.find()) {
      Object data = entry.get("token");
      if (CONFIG_TOKEN.equals(entry.getString("processorName")) || !(data instanceof Binary)) {
        continue;
      }
      TrackingToken token =
          tokenSerializer.deserialize(
              new SimpleSerializedObject<>(
                  ((Binary) data).getData(), byte[].class, entry.getString("tokenType"), null));
      OptionalLong position = token == null ? OptionalLong.empty() : token.position();
      if (position.isPresent()) {
        furthest = Math.max(furthest, position.getAsLong());
      }
    }
    return furthest;
  }
}
