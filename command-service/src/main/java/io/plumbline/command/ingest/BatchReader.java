package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Reads a batch body, {@code {"events": [ … ]}} and nothing else, into its items. */
@Component
class BatchReader {

  private final JsonBodies bodies;
  private final int maxBatch;

  BatchReader(JsonBodies bodies, @Value("${plumbline.ingest.max-batch-events:1000}") int maxBatch) {
    this.bodies = bodies;
    this.maxBatch = maxBatch;
  }

  /** The batch's items, each still to be read as an event; refuses the batch as a whole. */
  List<JsonNode> items(byte[] body) {
    JsonNode envelope = bodies.parseTree(body);
    if (envelope.isObject() && envelope.size() > 1) {
      List<String> extra = new ArrayList<>();
      envelope.fieldNames().forEachRemaining(extra::add);
      extra.remove("events");
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "invalid-batch",
          extra.get(0),
          "A batch is {\"events\": [ … ]} and nothing else; unknown field(s): %s."
              .formatted(String.join(", ", extra)));
    }
    JsonNode events = envelope.path("events");
    if (!events.isArray() || events.isEmpty()) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "invalid-batch",
          "events",
          "The body must be {\"events\": [ … ]} with at least one event.");
    }
    if (events.size() > maxBatch) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "batch-too-large",
          "events",
          "A batch holds at most %d events, not %d.".formatted(maxBatch, events.size()));
    }
    List<JsonNode> items = new ArrayList<>(events.size());
    events.forEach(items::add);
    return items;
  }
}
