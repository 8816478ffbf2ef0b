package io.plumbline.query.facts.web;

import io.plumbline.events.Topics;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an operator needs about poison records: see every dead letter with its reason, and replay
 * one onto the events topic (after a fix that makes it readable). Replaying is safe: a record that
 * was projected before changes nothing.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Dead letters",
    description = "Records the projection could not read, and their replay")
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

  private static final int MAX_PAYLOAD = 4096;

  private final ConsumerFactory<String, byte[]> consumers;
  private final KafkaTemplate<Object, Object> kafka;

  DeadLetterController(
      ConsumerFactory<String, byte[]> consumers, KafkaTemplate<Object, Object> kafka) {
    this.consumers = consumers;
    this.kafka = kafka;
  }

  /** A dead letter: where it sits, why it is there, and what it holds. */
  record DeadLetter(
      int partition,
      long offset,
      String key,
      Instant at,
      String exception,
      String reason,
      String originalTopic,
      String originalPartition,
      String originalOffset,
      String payload) {}

  @Operation(summary = "Records the projection could not read, with why")
  @GetMapping
  List<DeadLetter> list() {
    List<DeadLetter> letters = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : readAll()) {
      letters.add(
          new DeadLetter(
              record.partition(),
              record.offset(),
              record.key(),
              Instant.ofEpochMilli(record.timestamp()),
              header(record, "kafka_dlt-exception-fqcn"),
              header(record, "kafka_dlt-exception-message"),
              header(record, "kafka_dlt-original-topic"),
              bytesHeaderAsNumber(record, "kafka_dlt-original-partition", 4),
              bytesHeaderAsNumber(record, "kafka_dlt-original-offset", 8),
              payload(record.value())));
    }
    return letters;
  }

  @Operation(summary = "Send a dead letter through the projection again")
  @Refusal(status = 404, reasons = "unknown-dead-letter")
  @PostMapping("/{partition}/{offset}/replay")
  Map<String, Object> replay(@PathVariable int partition, @PathVariable long offset)
      throws Exception {
    ConsumerRecord<String, byte[]> record =
        readAll().stream()
            .filter(r -> r.partition() == partition && r.offset() == offset)
            .findFirst()
            .orElseThrow(
                () ->
                    new RequestRefused(
                        RequestRefused.Kind.NOT_FOUND,
                        "unknown-dead-letter",
                        "offset",
                        "There is no dead letter at partition %d, offset %d."
                            .formatted(partition, offset)));
    ProducerRecord<Object, Object> again =
        new ProducerRecord<>(Topics.EVENTS, record.key(), record.value());
    for (Header header : record.headers()) {
      if (header.key().startsWith("plumbline-")) {
        again.headers().add(header);
      }
    }
    kafka.send(again).get();
    return Map.of("replayed", true, "partition", partition, "offset", offset);
  }

  private List<ConsumerRecord<String, byte[]>> readAll() {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (Consumer<String, byte[]> consumer =
        consumers.createConsumer("plumbline-dead-letter-viewer", "viewer", null, null)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(Topics.EVENTS_DEAD_LETTER)) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String bytesHeaderAsNumber(ConsumerRecord<?, ?> record, String name, int size) {
    Header header = record.headers().lastHeader(name);
    if (header == null || header.value().length != size) {
      return null;
    }
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(header.value());
    return String.valueOf(size == 4 ? buffer.getInt() : buffer.getLong());
  }

  private static String payload(byte[] value) {
    if (value == null) {
      return null;
    }
    String text = new String(value, StandardCharsets.UTF_8);
    return text.length() > MAX_PAYLOAD ? text.substring(0, MAX_PAYLOAD) + "…" : text;
  }
}
