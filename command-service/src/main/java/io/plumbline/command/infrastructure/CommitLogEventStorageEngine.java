package io.plumbline.command.infrastructure;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * An event store that keeps one MongoDB document per commit and reads only by unique keys, so that
 * it stays fast on any MongoDB-compatible server, including one that uses nothing but unique
 * indexes (the embedded stand-in).
 *
 * <ul>
 *   <li>A commit reserves as many global positions as it has events ({@code $inc} on a counter
 *       document) and is stored as one document whose {@code _id} is its first position. The insert
 *       is atomic: a commit is stored whole or not at all.
 *   <li>The unique multikey index on {@code keys} ({@code "<aggregate>/<sequence>"} per event)
 *       refuses a second event at the same aggregate sequence: that is the optimistic lock. The one
 *       on {@code eventIds} refuses an event id the store already holds, whichever aggregate holds
 *       it.
 *   <li>An aggregate is read by asking for its next keys ({@code keys $in [...]}), a tracking
 *       reader by asking for the next positions ({@code _id $in [...]}): both are index lookups.
 *   <li>A position can stay empty for a while (a commit still being written) or for ever (a commit
 *       that failed after reserving). The reader's {@link GapAwareTrackingToken} keeps such gaps
 *       and asks for them again, until a commit stored more than {@code gapTimeout} after them
 *       proves their writers are gone.
 * </ul>
 *
 * Snapshots are kept one per aggregate (the newest), keyed by the aggregate id.
 */
public class CommitLogEventStorageEngine extends BatchingEventStorageEngine {

  public static final String EVENTS = "event_commits";
  public static final String SNAPSHOTS = "event_snapshots";
  static final String SEQUENCES = "event_sequence";
  private static final String EVENT_IDS = "eventIds";
  private static final String COUNTER_ID = "commits";
  private static final int MAX_GAP_OFFSET = 10_000;
  private static final int FIRST_AGGREGATE_WINDOW = 16;

  private final MongoCollection<Document> commits;
  private final MongoCollection<Document> snapshots;
  private final MongoCollection<Document> sequence;
  private final Duration gapTimeout;
  private final Clock clock;
  private final Function<EventMessage<?>, String> uniqueId;

  /**
   * @param uniqueId the id an event must not share with any other event in the store (for
   *     Plumbline, the id its submitter gave it); {@code null} where there is none
   */
  public CommitLogEventStorageEngine(
      Builder builder,
      MongoDatabase database,
      Duration gapTimeout,
      Clock clock,
      Function<EventMessage<?>, String> uniqueId) {
    super(builder);
    this.uniqueId = uniqueId;
    this.commits = database.getCollection(EVENTS);
    this.snapshots = database.getCollection(SNAPSHOTS);
    this.sequence = database.getCollection(SEQUENCES);
    this.gapTimeout = gapTimeout;
    this.clock = clock;
  }

  /** The builder for the serializers, upcasters and batch size this engine shares with Axon's. */
  public static Builder builder() {
    return new Builder();
  }

  /** Creates the unique indexes on aggregate keys and event ids; safe to call on every start. */
  public void ensureIndexes() {
    commits.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true).name("keys"));
    commits.createIndex(
        Indexes.ascending(EVENT_IDS), new IndexOptions().unique(true).name(EVENT_IDS));
  }

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (events.isEmpty()) {
      return;
    }
    List<Document> entries = new ArrayList<>(events.size());
    List<String> keys = new ArrayList<>(events.size());
    List<String> ids = new ArrayList<>(events.size());
    for (EventMessage<?> message : events) {
      String id = uniqueId.apply(message);
      if (id != null) {
        ids.add(id);
      }
      DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
      keys.add(key(event.getAggregateIdentifier(), event.getSequenceNumber()));
      entries.add(entry(event, serializer));
    }
    try {
      long last = reserve(events.size());
      commits.insertOne(
          new Document("_id", last)
              .append("first", last - events.size() + 1)
              .append("count", events.size())
              .append("storedAt", clock.millis())
              .append("keys", keys)
              .append(EVENT_IDS, ids)
              .append("events", entries));
    } catch (RuntimeException e) {
      if (isDuplicateKey(e) && e.getMessage().contains("index: " + EVENT_IDS)) {
        throw new EventIdTakenException(takenIds(ids), e);
      }
      handlePersistenceException(e, isDuplicateKey(e) ? taken(events, keys) : events.get(0));
    }
  }

  /**
   * A commit refused because an event id in it is already stored, for another aggregate or in an
   * earlier event of the same one. Nothing of the commit is stored.
   */
  public static class EventIdTakenException extends EventStoreException {
    private final List<String> eventIds;

    EventIdTakenException(List<String> eventIds, Throwable cause) {
      super("Event ids already stored: " + eventIds, cause);
      this.eventIds = eventIds;
    }

    /** The ids of the refused commit that the store already holds. */
    public List<String> eventIds() {
      return eventIds;
    }
  }

  private List<String> takenIds(List<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    Set<String> taken = new LinkedHashSet<>();
    for (Document commit :
        commits.find(in(EVENT_IDS, ids)).projection(new Document(EVENT_IDS, 1))) {
      for (String id : commit.getList(EVENT_IDS, String.class)) {
        if (wanted.contains(id)) {
          taken.add(id);
        }
      }
    }
    return List.copyOf(taken);
  }

  /** The first event of a refused commit whose aggregate sequence was already stored. */
  private EventMessage<?> taken(List<? extends EventMessage<?>> events, List<String> keys) {
    Set<String> stored = new HashSet<>();
    for (Document commit : commits.find(in("keys", keys))) {
      stored.addAll(commit.getList("keys", String.class));
    }
    for (int i = 0; i < keys.size(); i++) {
      if (stored.contains(keys.get(i))) {
        return events.get(i);
      }
    }
    return events.get(0);
  }

  /**
   * Reserves {@code count} positions and returns the last of them. The counter is read as it was
   * before the increment: the embedded stand-in's in-memory backend answers "after" with its live
   * document, which a concurrent increment can change before the answer is sent, so two writers
   * could be handed the same positions.
   */
  private long reserve(int count) {
    Document before =
        sequence.findOneAndUpdate(
            eq("_id", COUNTER_ID),
            Updates.inc("last", (long) count),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    return (before == null ? 0 : before.getLong("last")) + count;
  }

  private long reserved() {
    Document counter = sequence.find(eq("_id", COUNTER_ID)).first();
    return counter == null ? 0 : counter.getLong("last");
  }

  /**
   * Every write here is a single-document one, so a refused key is a {@link MongoWriteException}.
   */
  static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException write
        && ErrorCategory.fromErrorCode(write.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }

  /**
   * Reads an aggregate in windows of keys that start small and double while they come back full:
   * most reads are of a few events after a snapshot, and every key asked for is an index lookup.
   */
  @Override
  protected Stream<? extends DomainEventData<?>> readEventData(
      String identifier, long firstSequenceNumber) {
    List<DomainEventData<?>> events = new ArrayList<>();
    long next = firstSequenceNumber;
    int window = FIRST_AGGREGATE_WINDOW;
    while (true) {
      List<? extends DomainEventData<?>> found = fetchDomainEvents(identifier, next, window);
      events.addAll(found);
      if (found.size() < window) {
        return events.stream();
      }
      next = found.get(found.size() - 1).getSequenceNumber() + 1;
      window = Math.min(window * 2, batchSize());
    }
  }

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    List<String> wanted =
        LongStream.range(firstSequenceNumber, firstSequenceNumber + batchSize)
            .mapToObj(sequence -> key(aggregateIdentifier, sequence))
            .toList();
    Set<Object> seen = new HashSet<>();
    List<DomainEventData<?>> found = new ArrayList<>();
    for (Document commit : commits.find(in("keys", wanted))) {
      if (!seen.add(commit.get("_id"))) {
        continue;
      }
      for (Document entry : commit.getList("events", Document.class)) {
        long sequenceNumber = entry.getLong("sequenceNumber");
        if (aggregateIdentifier.equals(entry.getString("aggregateIdentifier"))
            && sequenceNumber >= firstSequenceNumber
            && sequenceNumber < firstSequenceNumber + batchSize) {
          found.add(domainEvent(entry));
        }
      }
    }
    found.sort(Comparator.comparingLong(DomainEventData::getSequenceNumber));
    return found;
  }

  @Override
  protected List<? extends TrackedEventData<?>> fetchTrackedEvents(
      TrackingToken lastToken, int batchSize) {
    if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
      throw new IllegalArgumentException(
          "Tokens of this store are gap-aware positions, not " + lastToken.getClass().getName());
    }
    GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
    long next = token == null ? 1 : token.getIndex() + 1;
    long reserved = reserved();
    Set<Long> gaps = token == null ? Set.of() : token.getGaps();
    List<Document> found = new ArrayList<>();
    // A window can be empty for good (commits that failed after reserving): look on up to the
    // reserved end rather than stall on it.
    do {
      long end = Math.min(next + batchSize, reserved + 1);
      Set<Long> wanted = new LinkedHashSet<>(gaps);
      LongStream.range(next, end).forEach(wanted::add);
      if (wanted.isEmpty()) {
        break;
      }
      commits.find(in("_id", wanted)).forEach(found::add);
      gaps = Set.of();
      next = end;
    } while (found.isEmpty() && next <= reserved);
    found.sort(Comparator.comparingLong(commit -> commit.getLong("_id")));

    GapAwareTrackingToken start = token;
    long staleBefore = clock.millis() - gapTimeout.toMillis();
    List<TrackedEventData<?>> events = new ArrayList<>();
    for (Document commit : found) {
      long position = commit.getLong("first");
      for (Document entry : commit.getList("events", Document.class)) {
        // a token can stand inside a commit (a processor stores one after any event): skip what
        // it has seen already
        if (!seen(start, position)) {
          token = advance(token, position);
          if (commit.getLong("storedAt") < staleBefore) {
            // written long after any position below it was reserved: those writers are gone
            token = token.withGapsTruncatedAt(position);
          }
          events.add(new TrackedDomainEventData<>(token, domainEvent(entry)));
        }
        position++;
      }
    }
    return events;
  }

  private static boolean seen(GapAwareTrackingToken token, long position) {
    return token != null && position <= token.getIndex() && !token.getGaps().contains(position);
  }

  private static GapAwareTrackingToken advance(GapAwareTrackingToken token, long position) {
    if (token == null) {
      return GapAwareTrackingToken.newInstance(
          position,
          LongStream.range(Math.max(1, position - MAX_GAP_OFFSET), position).boxed().toList());
    }
    return token.advanceTo(position, MAX_GAP_OFFSET);
  }

  @Override
  protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
    Document entry = entry(snapshot, serializer).append("_id", snapshot.getAggregateIdentifier());
    try {
      snapshots.replaceOne(
          eq("_id", snapshot.getAggregateIdentifier()), entry, new ReplaceOptions().upsert(true));
    } catch (RuntimeException e) {
      handlePersistenceException(e, snapshot);
    }
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    Document entry = snapshots.find(eq("_id", aggregateIdentifier)).first();
    return entry == null ? Stream.empty() : Stream.of(domainEvent(entry));
  }

  @Override
  public TrackingToken createHeadToken() {
    long reserved = reserved();
    return reserved == 0 ? null : GapAwareTrackingToken.newInstance(reserved, List.of());
  }

  /** An event (or snapshot) as stored: its payload and metadata serialized as text. */
  private static Document entry(DomainEventMessage<?> event, Serializer serializer) {
    SerializedObject<String> payload = event.serializePayload(serializer, String.class);
    SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
    return new Document("aggregateIdentifier", event.getAggregateIdentifier())
        .append("sequenceNumber", event.getSequenceNumber())
        .append("type", event.getType())
        .append("eventIdentifier", event.getIdentifier())
        .append("timestamp", DateTimeUtils.formatInstant(event.getTimestamp()))
        .append("payloadType", payload.getType().getName())
        .append("payloadRevision", payload.getType().getRevision())
        .append("payload", payload.getData())
        .append("metaData", metaData.getData());
  }

  private static DomainEventData<String> domainEvent(Document entry) {
    return new GenericDomainEventEntry<>(
        entry.getString("type"),
        entry.getString("aggregateIdentifier"),
        entry.getLong("sequenceNumber"),
        entry.getString("eventIdentifier"),
        entry.getString("timestamp"),
        entry.getString("payloadType"),
        entry.getString("payloadRevision"),
        entry.getString("payload"),
        entry.getString("metaData"));
  }

  private static String key(String aggregateIdentifier, long sequenceNumber) {
    return aggregateIdentifier + "/" + sequenceNumber;
  }

  /** The serializers, upcasters, snapshot filter and batch size, as for Axon's own engines. */
  public static class Builder extends BatchingEventStorageEngine.Builder {

    @Override
    public Builder eventSerializer(Serializer eventSerializer) {
      super.eventSerializer(eventSerializer);
      return this;
    }

    @Override
    public Builder snapshotSerializer(Serializer snapshotSerializer) {
      super.snapshotSerializer(snapshotSerializer);
      return this;
    }

    @Override
    public Builder batchSize(int batchSize) {
      super.batchSize(batchSize);
      return this;
    }

    Builder duplicateKeys() {
      super.persistenceExceptionResolver(CommitLogEventStorageEngine::isDuplicateKey);
      return this;
    }
  }
}
