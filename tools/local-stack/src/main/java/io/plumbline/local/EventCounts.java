package io.plumbline.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

/**
 * How many events a running stack holds, read from the services' own collections, for the system
 * tests and the benchmark to wait on and compare: the launcher itself never reads them.
 */
public final class EventCounts {

  private EventCounts() {}

  /**
   * Events the command service has stored: the event store keeps one commit per batch, each with
   * its count.
   */
  public static long stored(LocalStack stack) {
    return sumOfCounts(stack.mongoUrl(), "plumbline", "event_commits");
  }

  /** Events the query service has projected: its fact logs count their events. */
  public static long projected(LocalStack stack) {
    return sumOfCounts(stack.mongoUrl(), "plumbline-read", "fact_logs");
  }

  private static long sumOfCounts(String mongoUrl, String database, String collection) {
    try (MongoClient client = MongoClients.create(mongoUrl)) {
      long total = 0;
      for (Document document :
          client
              .getDatabase(database)
              .getCollection(collection)
              .find()
              .projection(new Document("count", 1))) {
        total += ((Number) document.getOrDefault("count", 0)).longValue();
      }
      return total;
    }
  }
}
