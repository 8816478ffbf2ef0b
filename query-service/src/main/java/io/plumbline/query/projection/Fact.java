package io.plumbline.query.projection;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One projected event, stored under its event id so that a redelivery cannot store it twice. The
 * payload is the event's contract JSON, kept verbatim so that every figure can be traced to it.
 */
@Document("facts")
public record Fact(
    @Id String eventId,
    @Indexed String teamId,
    @Indexed String type,
    String revision,
    Instant occurredAt,
    Instant recordedAt,
    Instant projectedAt,
    String payload) {}
