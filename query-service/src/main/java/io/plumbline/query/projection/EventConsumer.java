package io.plumbline.query.projection;

import io.plumbline.events.EventHeaders;
import io.plumbline.events.EventJson;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads the event topic; offsets are committed only after the fact is stored. */
@Component
class EventConsumer {

  private final FactProjector projector;

  EventConsumer(FactProjector projector) {
    this.projector = projector;
  }

  @KafkaListener(
      id = "fact-projection",
      topics = Topics.EVENTS,
      groupId = "${plumbline.projection.consumer-group:plumbline-query}")
  void on(ConsumerRecord<String, byte[]> record) {
    PlumblineEvent event = EventJson.fromBytes(record.value());
    String recordedAt = header(record, EventHeaders.RECORDED_AT);
    projector.project(
        event,
        record.value(),
        header(record, EventHeaders.REVISION),
        recordedAt == null ? null : Instant.parse(recordedAt));
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
