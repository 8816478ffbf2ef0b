package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.local.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same flow against a real MongoDB (single-node replica set) and a real Kafka in containers.
 * Runs wherever Docker is available; elsewhere it is skipped, and says why.
 */
@EnabledIf(
    value = "dockerIsAvailable",
    disabledReason =
        "no Docker engine here, so no real MongoDB and Kafka containers; the same flow runs over"
            + " the in-process broker and database in EmbeddedStackEndToEndTest")
class RealInfrastructureEndToEndTest {

  @TempDir static Path dataDir;
  private static MongoDBContainer mongo;
  private static KafkaContainer kafka;
  private static LocalStack stack;

  static boolean dockerIsAvailable() {
    boolean available = DockerClientFactory.instance().isDockerAvailable();
    if (!available) {
      System.out.println(
          "SKIPPED RealInfrastructureEndToEndTest: no Docker engine, so no real MongoDB and Kafka.");
    }
    return available;
  }

  @BeforeAll
  static void start() {
    mongo = new MongoDBContainer("mongo:7.0");
    kafka = new KafkaContainer("apache/kafka:3.9.1");
    mongo.start();
    kafka.start();
    stack =
        LocalStack.startAgainst(
            TestStacks.config(dataDir), mongo.getConnectionString(), kafka.getBootstrapServers());
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    if (kafka != null) {
      kafka.stop();
    }
    if (mongo != null) {
      mongo.stop();
    }
  }

  @Test
  void aTeamWithAnSloAndAnErrorBudgetPolicyReadsAsSloLevel2OnRealMongoAndKafka() {
    Duration visibleAfter =
        MaturityFlow.teamWithSloPolicyReadsAsSloLevel2(new PlumblineClient(stack), "checkout");

    assertThat(visibleAfter).isLessThan(Duration.ofSeconds(10));
  }
}
