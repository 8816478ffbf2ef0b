package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.plumbline.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * The identities a fault test compares: the ids acknowledged to the client, the ids in the event
 * store, in the read models and on the topic. Counts can agree while each side holds events the
 * other lacks; ids cannot.
 */
final class EventIdentities {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The ids answered ACCEPTED or DUPLICATE: Plumbline has promised to keep them. */
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  private final Predicate<String> ours;

  /**
   * @param ours which ids this test submitted (others in the stack are not compared)
   */
  EventIdentities(Predicate<String> ours) {
    this.ours = ours;
  }

  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  /** Records what a batch answer acknowledged; returns how many it accepted. */
  int record(JsonNode batchAnswer) {
    int accepted = 0;
    for (JsonNode result : batchAnswer.path("results")) {
      String outcome = result.path("outcome").asText();
      if (outcome.equals("ACCEPTED") || outcome.equals("DUPLICATE")) {
        acknowledged.add(result.path("eventId").asText());
        accepted += outcome.equals("ACCEPTED") ? 1 : 0;
      }
    }
    return accepted;
  }

  void recordSingle(String eventId, PlumblineClient.Answer answer) {
    if (answer.status() == 202 || answer.status() == 200) {
      acknowledged.add(eventId);
    }
  }

  /**
   * Waits until the read models hold every acknowledged id, then asserts: the store and the read
   * models hold exactly the acknowledged ids, each once; the topic holds each at least once
   * (publication is at-least-once) and nothing the store lacks.
   */
  void assertExactlyOnceEverywhere(String mongoUrl, String kafkaBootstrapServers) {
    Set<String> expected = acknowledged();
    assertThat(expected).as("the test acknowledged something").isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(new HashSet<>(ours(projected(mongoUrl)))).containsAll(expected));

    List<String> stored = ours(stored(mongoUrl));
    assertThat(stored).as("event store: the acknowledged ids, each once").doesNotHaveDuplicates();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
    List<String> projected = ours(projected(mongoUrl));
    assertThat(projected)
        .as("read models: the acknowledged ids, each once")
        .doesNotHaveDuplicates();
    assertThat(projected).containsExactlyInAnyOrderElementsOf(expected);
    Set<String> published = new HashSet<>(ours(onTopic(kafkaBootstrapServers)));
    assertThat(published).as("topic: every acknowledged id, nothing else").isEqualTo(expected);
  }

  private static String eventIdOf(byte[] payload) {
    try {
      return JSON.readTree(payload).path("eventId").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> ours(List<String> ids) {
    return ids.stream().filter(ours).toList();
  }

  static List<String> stored(String mongoUrl) {
    return idsIn(mongoUrl, "plumbline", "event_commits");
  }

  static List<String> projected(String mongoUrl) {
    return idsIn(mongoUrl, "plumbline-read", "fact_logs");
  }

  private static List<String> idsIn(String mongoUrl, String database, String collection) {
    try (MongoClient client = MongoClients.create(mongoUrl)) {
      List<String> ids = new ArrayList<>();
      for (Document document :
          client
              .getDatabase(database)
              .getCollection(collection)
              .find()
              .projection(new Document("eventIds", 1))) {
        ids.addAll(document.getList("eventIds", String.class, List.of()));
      }
      return ids;
    }
  }

  /** Every event id on the events topic, read from the beginning to the current end. */
  static List<String> onTopic(String kafkaBootstrapServers) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            kafkaBootstrapServers,
            "group.id",
            "identities-" + UUID.randomUUID(),
            "enable.auto.commit",
            "false",
            "auto.offset.reset",
            "earliest");
    List<String> ids = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.EVENTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the topic could not be read to its end");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          ids.add(eventIdOf(record.value()));
        }
      }
    }
    return ids;
  }
}
