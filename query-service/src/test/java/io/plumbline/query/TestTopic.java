package io.plumbline.query;

import io.plumbline.embedded.SharedTestInfrastructure;
import io.plumbline.events.EventHeaders;
import io.plumbline.events.EventJson;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * What the command service does for the query service, done by a test: events on the shared
 * broker's topic, as the publisher writes them (type, revision and acceptance time in headers).
 */
public final class TestTopic implements AutoCloseable {

  /** The admin token the test configuration bootstraps. */
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

  private final KafkaProducer<String, byte[]> producer =
      new KafkaProducer<>(
          Map.of("bootstrap.servers", SharedTestInfrastructure.get().kafka().bootstrapServers()),
          new StringSerializer(),
          new ByteArraySerializer());

  /** A client of the query service on this port that sends the admin token. */
  public static TestRestTemplate adminHttp(int port) {
    return new TestRestTemplate(
        new RestTemplateBuilder()
            .rootUri("http://127.0.0.1:" + port)
            .additionalInterceptors(
                (request, body, execution) -> {
                  request.getHeaders().setBearerAuth(ADMIN_TOKEN);
                  return execution.execute(request, body);
                }));
  }

  /** The raw producer, for records the publisher would never write. */
  public KafkaProducer<String, byte[]> producer() {
    return producer;
  }

  public void publish(PlumblineEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.EVENTS, event.partitionKey(), EventJson.toBytes(event));
    record.headers().add(EventHeaders.TYPE, bytes(EventTypes.nameOf(event.getClass())));
    record.headers().add(EventHeaders.REVISION, bytes("1"));
    record.headers().add(EventHeaders.RECORDED_AT, bytes(Instant.now().toString()));
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
  }
}
