package io.plumbline.local;

import io.plumbline.embedded.EmbeddedMongo;
import java.time.Duration;

/**
 * The MongoDB stand-in in this process, on the stack's MongoDB port: on disk (H2) so that the data
 * survives a restart, unless the system property {@value LocalStack#DATABASE_PROPERTY} is {@code
 * memory} (the benchmark can compare both). Fault tests stop it and start it again.
 */
final class MongoStandIn {

  private final LocalStackConfig config;
  private EmbeddedMongo mongo;

  private MongoStandIn(LocalStackConfig config) {
    this.config = config;
    this.mongo = open();
  }

  static MongoStandIn start(LocalStackConfig config) {
    return new MongoStandIn(config);
  }

  /** Its connection string, without a database. */
  String url() {
    return "mongodb://127.0.0.1:" + mongo.port();
  }

  /** Stops it and starts it again on the same port with the same data. */
  void restart(Duration down) {
    mongo.close();
    Pause.sleep(down);
    mongo = open();
  }

  void stop() {
    mongo.close();
  }

  /** Starts it again after {@link #stop()}, on the same port with the same data. */
  void startAgain() {
    mongo = open();
  }

  private EmbeddedMongo open() {
    if ("memory".equals(System.getProperty(LocalStack.DATABASE_PROPERTY))) {
      return EmbeddedMongo.inMemory(config.mongoPort());
    }
    return EmbeddedMongo.persistent(
        config.dataDir().toAbsolutePath().resolve("mongo").resolve("plumbline.mv"),
        config.mongoPort(),
        config.durability());
  }
}
