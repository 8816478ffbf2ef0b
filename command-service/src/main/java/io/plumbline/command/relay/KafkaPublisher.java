package io.plumbline.command.relay;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends every stored event to Kafka, keyed by team. It runs in a tracking processor that sends a
 * batch of events at once and only advances its token after the broker acknowledged all of them:
 * while Kafka is down, submissions are still stored, and publication resumes from the first unsent
 * event when it returns.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
public class KafkaPublisher implements MessageHandlerInterceptor<EventMessage<?>> {

  public static final String PROCESSING_GROUP = "kafka-publisher";
  private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pending";

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
  void publish(PlumblineEvent event, @Timestamp Instant recordedAt, UnitOfWork<?> unitOfWork) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.EVENTS, event.partitionKey(), EventJson.toBytes(event));
    header(record, EventHeaders.TYPE, EventTypes.nameOf(event.getClass()));
    header(record, EventHeaders.REVISION, EventTypes.revisionOf(event.getClass()));
    header(record, EventHeaders.RECORDED_AT, recordedAt.toString());
    pending(unitOfWork)
        .add(
            kafka
                .send(record)
                .thenRun(
                    () -> {
                      Instant now = Instant.now();
                      delay.record(Duration.between(recordedAt, now).abs());
                      lastPublishedEpochSeconds.set(now.getEpochSecond());
                    }));
  }

  /**
   * Waits, after the last event of the processor's batch, until Kafka acknowledged every send of
   * the batch. Only then does the batch commit and the processor store its token; a failed or late
   * acknowledgement fails the batch, which is sent again. This runs as an interceptor so that it
   * runs before the token is stored in the batch's prepare-commit phase.
   */
  @Override
  public Object handle(
      UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
      throws Exception {
    Object result = interceptorChain.proceed();
    if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
      List<CompletableFuture<Void>> sends = pending(unitOfWork);
      try {
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
            .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        failures.increment();
        throw e;
      } finally {
        sends.clear();
      }
    }
    return result;
  }

  private static List<CompletableFuture<Void>> pending(UnitOfWork<?> unitOfWork) {
    return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> new ArrayList<>());
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
