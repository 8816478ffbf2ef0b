package io.plumbline.query.facts.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import io.plumbline.query.facts.model.FactLog;
import io.plumbline.query.facts.model.FactsListener;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Appends each event once to the fact log of its team (or of the groups), a batch at a time: one
 * read of the logs the batch touches, then one write per log. Idempotent by construction: an event
 * whose id the log already holds is a redelivery and changes nothing. A team's events all travel on
 * one partition, so one consumer thread at a time appends to a team's log.
 */
@Component
public class FactProjector {

  /** One record from the topic, read into its contract event. */
  public record Incoming(PlumblineEvent event, byte[] payload, Instant recordedAt) {}

  private static final String FACT_LOGS = "fact_logs";

  private final MongoTemplate mongo;
  private final List<FactsListener> listeners;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter duplicates;
  private final Timer freshness;

  public FactProjector(
      MongoTemplate mongo, Clock clock, MeterRegistry meters, List<FactsListener> listeners) {
    this.mongo = mongo;
    this.listeners = List.copyOf(listeners);
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

  /**
   * @return how many of the events were new; the others had been projected before
   */
  public int projectAll(List<Incoming> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    Map<String, List<Incoming>> byLog = new LinkedHashMap<>();
    for (Incoming incoming : batch) {
      byLog.computeIfAbsent(logOf(incoming.event()), log -> new ArrayList<>()).add(incoming);
    }
    Map<String, Set<String>> known = new HashMap<>();
    Query touched = Query.query(Criteria.where("_id").in(byLog.keySet()));
    touched.fields().include("eventIds");
    for (Document log : mongo.find(touched, Document.class, FACT_LOGS)) {
      known.put(log.getString("_id"), new HashSet<>(log.getList("eventIds", String.class)));
    }

    List<Incoming> fresh = new ArrayList<>();
    var writes = mongo.bulkOps(BulkMode.UNORDERED, FactLog.class);
    for (Map.Entry<String, List<Incoming>> entry : byLog.entrySet()) {
      Set<String> seen = known.getOrDefault(entry.getKey(), new HashSet<>());
      List<String> ids = new ArrayList<>();
      List<String> payloads = new ArrayList<>();
      for (Incoming incoming : entry.getValue()) {
        if (seen.add(incoming.event().eventId())) {
          ids.add(incoming.event().eventId());
          payloads.add(new String(incoming.payload(), StandardCharsets.UTF_8));
          fresh.add(incoming);
        }
      }
      if (!ids.isEmpty()) {
        writes.upsert(
            Query.query(Criteria.where("_id").is(entry.getKey())),
            new Update()
                .push("eventIds")
                .each(ids.toArray())
                .push("payloads")
                .each(payloads.toArray())
                .inc("count", ids.size()));
      }
    }
    if (!fresh.isEmpty()) {
      writes.execute();
    }
    // Listeners hear redeliveries too, so a redelivery repairs a crash between the append and them.
    List<PlumblineEvent> events = batch.stream().map(Incoming::event).toList();
    listeners.forEach(listener -> listener.projected(events));

    Instant now = clock.instant();
    duplicates.increment(batch.size() - fresh.size());
    for (Incoming incoming : fresh) {
      meters
          .counter(
              "plumbline.events.projected", "type", EventTypes.nameOf(incoming.event().getClass()))
          .increment();
      if (incoming.recordedAt() != null) {
        freshness.record(Duration.between(incoming.recordedAt(), now).abs());
      }
    }
    return fresh.size();
  }

  private static String logOf(PlumblineEvent event) {
    return event instanceof TeamEvent teamEvent ? FactLog.team(teamEvent.teamId()) : FactLog.GROUPS;
  }
}
