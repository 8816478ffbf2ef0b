package io.plumbline.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.query.rollup.QuarterlyFigures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores each event once as a fact. Idempotent by construction: the event id is the document id, so
 * a redelivered event meets a unique-key violation and changes nothing.
 */
@Component
public class FactProjector {

  private final MongoTemplate mongo;
  private final QuarterlyFigures figures;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter duplicates;
  private final Timer freshness;

  public FactProjector(
      MongoTemplate mongo, Clock clock, MeterRegistry meters, QuarterlyFigures figures) {
    this.mongo = mongo;
    this.figures = figures;
    this.clock = clock;
    this.meters = meters;
    this.duplicates =
        Counter.builder("plumbline.events.duplicates")
            .description("Redelivered events that were already projected and changed nothing")
            .register(meters);
    this.freshness =
        Timer.builder("plumbline.projection.freshness")
            .description("Time from acceptance by the command service to projection")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(meters);
  }

  private void appendToLog(Fact fact, PlumblineEvent event) {
    String log =
        event instanceof TeamEvent teamEvent
            ? FactLog.team(teamEvent.teamId())
            : event instanceof GroupDefined ? FactLog.GROUPS : null;
    if (log == null) {
      return;
    }
    try {
      mongo.upsert(
          Query.query(Criteria.where("_id").is(log).and("eventIds").ne(fact.eventId())),
          new Update().push("eventIds", fact.eventId()).push("payloads", fact.payload()),
          FactLog.class);
    } catch (DuplicateKeyException alreadyAppended) {
      // the log exists and holds this event: the upsert's insert collided with it
    }
  }

  /**
   * @return true when the event was new, false when it had been projected before
   */
  public boolean project(
      PlumblineEvent event, byte[] payload, String revision, Instant recordedAt) {
    Instant now = clock.instant();
    String type = EventTypes.nameOf(event.getClass());
    String teamId = event instanceof TeamEvent teamEvent ? teamEvent.teamId() : null;
    Fact fact =
        new Fact(
            event.eventId(),
            teamId,
            type,
            revision,
            event.occurredAt(),
            recordedAt,
            now,
            new String(payload, StandardCharsets.UTF_8));
    boolean isNew;
    try {
      mongo.insert(fact);
      isNew = true;
    } catch (DuplicateKeyException e) {
      duplicates.increment();
      isNew = false;
    }
    // Appending and marking are idempotent, so a redelivery repairs what a crash interrupted.
    appendToLog(fact, event);
    figures.eventProjected(fact, event);
    if (!isNew) {
      return false;
    }
    meters.counter("plumbline.events.projected", "type", type).increment();
    if (recordedAt != null) {
      freshness.record(Duration.between(recordedAt, now).abs());
    }
    return true;
  }
}
