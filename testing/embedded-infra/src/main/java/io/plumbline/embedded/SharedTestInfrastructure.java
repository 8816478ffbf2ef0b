package io.plumbline.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One broker and one database per JVM, started on first use and stopped when the JVM exits, so that
 * every test class of a test run shares them.
 */
public final class SharedTestInfrastructure {

  private static SharedTestInfrastructure instance;

  private final EmbeddedMongo mongo;
  private final EmbeddedKafka kafka;

  private SharedTestInfrastructure() {
    try {
      Path kafkaDir = Files.createTempDirectory("plumbline-kafka-");
      this.mongo = EmbeddedMongo.inMemory(0);
      this.kafka = EmbeddedKafka.start(kafkaDir, FreePorts.next(), FreePorts.next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "plumbline-test-infra-stop"));
  }

  public static synchronized SharedTestInfrastructure get() {
    if (instance == null) {
      instance = new SharedTestInfrastructure();
    }
    return instance;
  }

  public EmbeddedMongo mongo() {
    return mongo;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  private void stop() {
    kafka.close();
    mongo.close();
  }
}
