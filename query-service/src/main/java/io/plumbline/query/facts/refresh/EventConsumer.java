package io.plumbline.query.facts.refresh;

import io.plumbline.events.EventHeaders;
import io.plumbline.events.EventJson;
import io.plumbline.events.Topics;
import io.plumbline.query.facts.store.FactProjector;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads the event topic a batch at a time; offsets are committed only after the batch is stored. An
 * unreadable record ends the batch: the records before it are stored, and the error handler sends
 * it to the dead-letter topic and goes on after it.
 */
@Component
class EventConsumer {

  private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

  private final FactProjector projector;

  EventConsumer(FactProjector projector) {
    this.projector = projector;
  }

  @KafkaListener(
      id = "fact-projection",
      topics = Topics.EVENTS,
      groupId = "${plumbline.projection.consumer-group:plumbline-query}",
      batch = "true")
  void on(List<ConsumerRecord<String, byte[]>> records) {
    List<FactProjector.Incoming> batch = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      FactProjector.Incoming incoming;
      try {
        String recordedAt = header(record, EventHeaders.RECORDED_AT);
        incoming =
            new FactProjector.Incoming(
                EventJson.fromBytes(record.value()),
                record.value(),
                recordedAt == null ? null : Instant.parse(recordedAt));
      } catch (EventJson.MalformedEventException | DateTimeParseException e) {
        projector.projectAll(batch);
        throw new BatchListenerFailedException(e.getMessage(), e, record);
      }
      batch.add(incoming);
    }
    try {
      projector.projectAll(batch);
    } catch (RuntimeException e) {
      // the error handler retries the batch with back-off; say why, or a stall is silent
      log.warn("Projecting {} events failed and will be retried: {}", batch.size(), e.toString());
      throw e;
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
