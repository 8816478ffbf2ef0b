package io.plumbline.command.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plumbline.events.EventHeaders;
import io.plumbline.events.EventJson;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends every stored event to Kafka, keyed by team. It runs in a tracking processor whose token
 * only advances after the broker acknowledged the record: while Kafka is down, submissions are
 * still stored, and publication resumes from the first unsent event when it returns.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
public class KafkaPublisher {

  public static final String PROCESSING_GROUP = "kafka-publisher";

  private final KafkaTemplate<String, byte[]> kafka;
  private final Duration sendTimeout;
  private final Timer delay;
  private final Counter failures;
  private final AtomicLong lastPublishedEpochSeconds = new AtomicLong();

  public KafkaPublisher(
      KafkaTemplate<String, byte[]> kafka,
      MeterRegistry meters,
      @Value("${plumbline.publication.send-timeout:10s}") Duration sendTimeout) {
    this.kafka = kafka;
    this.sendTimeout = sendTimeout;
    this.delay =
        Timer.builder("plumbline.publication.delay")
            .description("Time from storing an event to Kafka acknowledging it")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(meters);
    this.failures =
        Counter.builder("plumbline.publication.failures")
            .description("Sends to Kafka that failed and will be retried")
            .register(meters);
    Gauge.builder("plumbline.publication.last.success", lastPublishedEpochSeconds, AtomicLong::get)
        .description("When an event was last acknowledged by Kafka, in seconds since the epoch")
        .baseUnit("seconds")
        .register(meters);
  }

  @EventHandler
  void publish(PlumblineEvent event, @Timestamp Instant recordedAt)
      throws ExecutionException, InterruptedException, TimeoutException {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.EVENTS, event.partitionKey(), EventJson.toBytes(event));
    header(record, EventHeaders.TYPE, EventTypes.nameOf(event.getClass()));
    header(record, EventHeaders.REVISION, EventTypes.revisionOf(event.getClass()));
    header(record, EventHeaders.RECORDED_AT, recordedAt.toString());
    try {
      kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      failures.increment();
      throw e;
    }
    Instant now = Instant.now();
    delay.record(Duration.between(recordedAt, now).abs());
    lastPublishedEpochSeconds.set(now.getEpochSecond());
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
