package io.plumbline.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

  @Test
  void brokerAcceptsAndDeliversRecordsLikeAnyKafka() throws Exception {
    EmbeddedKafka kafka = SharedTestInfrastructure.get().kafka();
    Map<String, Object> common = Map.of("bootstrap.servers", kafka.bootstrapServers());
    try (Admin admin = Admin.create(common)) {
      admin.createTopics(List.of(new NewTopic("smoke", 1, (short) 1))).all().get();
    }
    try (var producer =
        new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("smoke", "team-a", "hello")).get();
    }
    Map<String, Object> consumerConfig =
        Map.of(
            "bootstrap.servers", kafka.bootstrapServers(),
            "group.id", "smoke-test",
            "auto.offset.reset", "earliest");
    try (var consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of("smoke"));
      ConsumerRecords<String, String> records = ConsumerRecords.empty();
      for (int i = 0; i < 20 && records.isEmpty(); i++) {
        records = consumer.poll(Duration.ofMillis(500));
      }
      assertThat(records)
          .extracting(r -> r.key() + "=" + r.value())
          .containsExactly("team-a=hello");
    }
  }

  @Test
  void persistentDatabaseKeepsItsDataAcrossARestart(@TempDir Path dir) {
    Path file = dir.resolve("mongo.mv");
    try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0, Durability.PROCESS);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      client.getDatabase("plumbline").getCollection("teams").insertOne(new Document("_id", "t1"));
    }
    try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0, Durability.PROCESS);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      assertThat(client.getDatabase("plumbline").getCollection("teams").countDocuments())
          .isEqualTo(1);
    }
  }
}
