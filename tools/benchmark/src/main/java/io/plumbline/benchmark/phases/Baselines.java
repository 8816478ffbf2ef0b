package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/** Raw Kafka producer and MongoDB insertMany rates on the stack's own broker and database. */
public final class Baselines implements Phase {

  private static final int RECORDS = 200_000;

  @Override
  public void run(Run run, StackClient client) throws Exception {
    double kafka = rawKafkaProducer(client.stack().kafkaBootstrapServers(), RECORDS);
    run.results().put("baselineKafkaProducerPerSecond", round(kafka));
    log("raw Kafka producer: %.0f records/s".formatted(kafka));
    double mongo = rawMongoInserts(client.stack().mongoUrl(), RECORDS);
    run.results().put("baselineMongoInsertManyPerSecond", round(mongo));
    log("raw MongoDB insertMany: %.0f documents/s".formatted(mongo));
  }

  private static double rawKafkaProducer(String bootstrapServers, int records) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic("benchmark.baseline", 4, (short) 1))).all().get();
    }
    byte[] value = new byte[400];
    new Random(1).nextBytes(value);
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", bootstrapServers,
            "acks", "all",
            "linger.ms", "5",
            "enable.idempotence", "true");
    long start = System.nanoTime();
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>("benchmark.baseline", "team-" + (i % 1000), value));
      }
      producer.flush();
    }
    return records / seconds(start);
  }

  /** Documents a second that insertMany writes in batches of 1,000; the database is dropped. */
  static double rawMongoInserts(String mongoUrl, int documents) {
    try (MongoClient client = MongoClients.create(mongoUrl)) {
      MongoCollection<Document> collection =
          client.getDatabase("benchmark").getCollection("baseline");
      String payload = "x".repeat(300);
      long start = System.nanoTime();
      for (int batch = 0; batch < documents / 1000; batch++) {
        List<Document> docs = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
          docs.add(
              new Document("_id", batch * 1000 + i)
                  .append("teamId", "team-" + i)
                  .append("payload", payload));
        }
        collection.insertMany(docs);
      }
      double perSecond = documents / seconds(start);
      client.getDatabase("benchmark").drop();
      return perSecond;
    }
  }
}
