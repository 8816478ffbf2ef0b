package io.plumbline.command.infrastructure;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.plumbline.command.common.EventIdsTaken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * An event store that keeps one MongoDB document per commit and reads only by unique keys, so that
 * it stays fast on any MongoDB-compatible server, including one that uses nothing but unique
 * indexes (the embedded stand-in).
 *
 * <ul>
 *   <li>A commit reserves as many global positions as it has events ({@code $inc} on a counter
 *       document) and is stored as one document whose {@code _id} is its last position (so that a
 *       reader whose token stands inside a commit finds the rest of it). The insert is atomic: a
 *       commit is stored whole or not at all. It is acknowledged journaled by a majority.
 *   <li>The unique multikey index on {@code keys} ({@code "<aggregate>/<sequence>"} per event)
 *       refuses a second event at the same aggregate sequence: that is the optimistic lock. The one
 *       on {@code eventIds} refuses an event id the store already holds, whichever aggregate holds
 *       it. Such indexes do not look inside one document, so a commit is checked for repeats
 *       itself.
 *   <li>An aggregate is read commit by commit, each once: the commit holding the first sequence
 *       wanted ({@code keys}), then the commits that start where the last one ended ({@code
 *       starts}, the key of each aggregate's first event in a commit). A tracking reader asks for
 *       the next positions ({@code _id $in [...]}). All are index lookups.
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
  private static final String STARTS = "starts";
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
   *     Plumbline, the id its submitter gave it); where it gives {@code null}, Axon's message
   *     identifier is used
   */
  public CommitLogEventStorageEngine(
      Builder builder,
      MongoDatabase database,
      Duration gapTimeout,
      Clock clock,
      Function<EventMessage<?>, String> uniqueId) {
    super(builder);
    this.uniqueId = uniqueId;
    // on a replica set, acknowledged means journaled on a majority: it survives a failover
    MongoDatabase durable = database.withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    this.commits = durable.getCollection(EVENTS);
    this.snapshots = durable.getCollection(SNAPSHOTS);
    this.sequence = durable.getCollection(SEQUENCES);
    this.gapTimeout = gapTimeout;
    this.clock = clock;
  }

  /** The builder for the serializers, upcasters and batch size this engine shares with Axon's. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the unique indexes on aggregate keys, commit starts and event ids, and gives commits
   * stored before starts were kept theirs; safe to call on every start.
   */
  public void ensureIndexes() {
    commits.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true).name("keys"));
    commits.createIndex(
        Indexes.ascending(STARTS), new IndexOptions().unique(true).sparse(true).name(STARTS));
    commits.createIndex(
        Indexes.ascending(EVENT_IDS), new IndexOptions().unique(true).name(EVENT_IDS));
    for (Document old :
        commits
            .find(com.mongodb.client.model.Filters.exists(STARTS, false))
            .projection(
                new Document("events.aggregateIdentifier", 1).append("events.sequenceNumber", 1))) {
      commits.updateOne(
          eq("_id", old.get("_id")),
          Updates.set(STARTS, starts(old.getList("events", Document.class))));
    }
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
      DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
      keys.add(key(event.getAggregateIdentifier(), event.getSequenceNumber()));
      ids.add(uniqueIdOf(message));
      entries.add(entry(message, event, serializer));
    }
    refuseRepeatsWithin(events, keys, ids);
    try {
      long last = reserve(events.size());
      commits.insertOne(
          new Document("_id", last)
              .append("first", last - events.size() + 1)
              .append("count", events.size())
              .append("storedAt", clock.millis())
              .append("keys", keys)
              .append(STARTS, starts(entries))
              .append(EVENT_IDS, ids)
              .append("events", entries));
    } catch (RuntimeException e) {
      if (isDuplicateKey(e) && e.getMessage().contains("index: " + EVENT_IDS)) {
        throw new EventIdsTaken(takenIds(ids), e);
      }
      handlePersistenceException(e, isDuplicateKey(e) ? taken(events, keys) : events.get(0));
    }
  }

  /**
   * The key of each aggregate's first event in a commit: commits follow each other without gaps in
   * an aggregate's sequence, so the next commit of an aggregate is found by the key right after the
   * last one read, and a lookup by it matches that one commit once.
   */
  private static List<String> starts(List<Document> entries) {
    java.util.Map<String, Long> first = new java.util.LinkedHashMap<>();
    for (Document entry : entries) {
      first.merge(
          entry.getString("aggregateIdentifier"), entry.getLong("sequenceNumber"), Math::min);
    }
    return first.entrySet().stream().map(e -> key(e.getKey(), e.getValue())).toList();
  }

  /** The id no other stored event may share: the submitter's, else Axon's message identifier. */
  private String uniqueIdOf(EventMessage<?> message) {
    String id = uniqueId.apply(message);
    return id != null ? id : message.getIdentifier();
  }

  /**
   * A unique multikey index constrains across documents, not within one (on MongoDB as on the
   * stand-in), so a commit that repeats an aggregate sequence or an event id is refused here, as
   * Axon's own engines refuse it.
   */
  private static void refuseRepeatsWithin(
      List<? extends EventMessage<?>> events, List<String> keys, List<String> ids) {
    Set<String> seenKeys = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!seenKeys.add(keys.get(i))) {
        throw sequenceTaken(events.get(i));
      }
    }
    Set<String> seenIds = new HashSet<>();
    List<String> repeated = ids.stream().filter(id -> !seenIds.add(id)).distinct().toList();
    if (!repeated.isEmpty()) {
      throw new EventIdsTaken(repeated, null);
    }
  }

  /** What Axon's engines throw for a sequence that is taken: creation or concurrency. */
  private static RuntimeException sequenceTaken(EventMessage<?> message) {
    DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
    String description =
        "An event for aggregate [%s] at sequence [%d] was already inserted"
            .formatted(event.getAggregateIdentifier(), event.getSequenceNumber());
    return event.getSequenceNumber() == 0
        ? new AggregateStreamCreationException(description)
        : new ConcurrencyException(description);
  }

  private List<String> takenIds(List<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    Set<String> taken = new LinkedHashSet<>();
    for (Document commit : commitsOnce(in(EVENT_IDS, ids), new Document(EVENT_IDS, 1))) {
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
    for (Document commit : commitsOnce(in("keys", keys), new Document("keys", 1))) {
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
   * The commits that match a filter on a multikey field, each read once. The stand-in answers such
   * a filter with a commit once per matching key (a 500-event commit asked for by 500 keys came
   * back 500 times, past the driver's reply limit), so only ids are asked for that way, and the
   * commits then by {@code _id}.
   */
  private List<Document> commitsOnce(Bson multikeyFilter, Document projection) {
    Set<Long> ids = new TreeSet<>();
    for (Document id : commits.find(multikeyFilter).projection(new Document("_id", 1))) {
      ids.add(id.getLong("_id"));
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Document> found = new ArrayList<>(ids.size());
    var reading = commits.find(in("_id", ids));
    (projection == null ? reading : reading.projection(projection)).forEach(found::add);
    return found;
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

  /**
   * Raises the position counter, if it must, above every stored commit and above {@code tracked}
   * (the furthest position a tracking processor has passed), so that no new commit can be given a
   * position that is already stored or that a processor will never look at again. The counter and
   * the commits are written durably, so this finds nothing to do unless the database lost writes it
   * had acknowledged; then it is what keeps new events from being skipped.
   *
   * @return the counter before and after
   */
  public PositionRepair repairPositions(long tracked) {
    long counter = reserved();
    long stored = counter;
    // a commit is keyed by its last position: look past the counter, a window at a time
    while (true) {
      Set<Long> window = new LinkedHashSet<>();
      LongStream.rangeClosed(stored + 1, stored + MAX_GAP_OFFSET).forEach(window::add);
      long furthest = stored;
      for (Document id : commits.find(in("_id", window)).projection(new Document("_id", 1))) {
        furthest = Math.max(furthest, id.getLong("_id"));
      }
      if (furthest == stored) {
        break;
      }
      stored = furthest;
    }
    long needed = Math.max(stored, tracked);
    if (needed > counter) {
      sequence.updateOne(
          eq("_id", COUNTER_ID), Updates.max("last", needed), new UpdateOptions().upsert(true));
    }
    return new PositionRepair(counter, Math.max(counter, needed), stored, tracked);
  }

  /**
   * What {@link #repairPositions} found: the counter before and after, the furthest stored commit
   * and the furthest tracked position.
   */
  public record PositionRepair(long counterBefore, long counterAfter, long stored, long tracked) {
    public boolean repaired() {
      return counterAfter > counterBefore;
    }
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
   * Reads an aggregate commit by commit, each commit read once whatever its size. The first is the
   * one that holds the first sequence wanted (it may start before it, after a snapshot); the
   * following ones are asked for by the keys their first events would have ({@code starts $in
   * [...]}, a window that doubles while commits keep coming): each key matches at most the one
   * commit that starts there, so a 1,000-event commit costs one lookup, not a thousand.
   */
  @Override
  protected Stream<? extends DomainEventData<?>> readEventData(
      String identifier, long firstSequenceNumber) {
    return eventsFrom(identifier, firstSequenceNumber, Long.MAX_VALUE).stream();
  }

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    return eventsFrom(aggregateIdentifier, firstSequenceNumber, batchSize);
  }

  /** Up to {@code max} of the aggregate's events from {@code first} on, in order. */
  private List<DomainEventData<?>> eventsFrom(String aggregate, long first, long max) {
    List<DomainEventData<?>> events = new ArrayList<>();
    Document holding = commits.find(eq("keys", key(aggregate, first))).first();
    if (holding == null) {
      return events;
    }
    long next = take(aggregate, first, List.of(holding), events);
    int window = FIRST_AGGREGATE_WINDOW;
    while (events.size() < max) {
      long from = next;
      List<String> wanted =
          LongStream.range(from, from + window).mapToObj(seq -> key(aggregate, seq)).toList();
      List<Document> following = new ArrayList<>();
      commits.find(in(STARTS, wanted)).forEach(following::add);
      next = take(aggregate, from, following, events);
      if (next < from + window) {
        break; // no commit starts at next, inside the window: that was the last
      }
      window = Math.min(window * 2, batchSize());
    }
    return events.size() > max ? List.copyOf(events.subList(0, (int) max)) : events;
  }

  /**
   * Adds the aggregate's events from {@code from} on out of the given commits, in order; returns
   * the sequence after the last one added (or {@code from} if none was).
   */
  private static long take(
      String aggregate, long from, List<Document> found, List<DomainEventData<?>> events) {
    List<DomainEventData<?>> taken = new ArrayList<>();
    for (Document commit : found) {
      for (Document entry : commit.getList("events", Document.class)) {
        if (aggregate.equals(entry.getString("aggregateIdentifier"))
            && entry.getLong("sequenceNumber") >= from) {
          taken.add(domainEvent(entry));
        }
      }
    }
    taken.sort(Comparator.comparingLong(DomainEventData::getSequenceNumber));
    events.addAll(taken);
    return taken.isEmpty() ? from : taken.get(taken.size() - 1).getSequenceNumber() + 1;
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
    Document entry =
        entry(snapshot, snapshot, serializer).append("_id", snapshot.getAggregateIdentifier());
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

  /**
   * A token before the first event (in store order) whose timestamp is at or after {@code
   * dateTime}, as Axon's engines define it. Event timestamps are not ordered by position, so this
   * reads every commit once: meant for the rare reset of a processor to a moment, not for a hot
   * path.
   */
  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    long firstAtOrAfter = Long.MAX_VALUE;
    for (Document commit :
        commits.find().projection(new Document("first", 1).append("events.timestamp", 1))) {
      long position = commit.getLong("first");
      for (Document entry : commit.getList("events", Document.class)) {
        if (position < firstAtOrAfter
            && !DateTimeUtils.parseInstant(entry.getString("timestamp")).isBefore(dateTime)) {
          firstAtOrAfter = position;
        }
        position++;
      }
    }
    if (firstAtOrAfter == Long.MAX_VALUE) {
      return createHeadToken();
    }
    return firstAtOrAfter == 1
        ? null
        : GapAwareTrackingToken.newInstance(firstAtOrAfter - 1, List.of());
  }

  @Override
  public TrackingToken createHeadToken() {
    long reserved = reserved();
    return reserved == 0 ? null : GapAwareTrackingToken.newInstance(reserved, List.of());
  }

  /**
   * An event (or snapshot) as stored: its payload and metadata serialized as text. An event that
   * belongs to no aggregate is stored under its own identifier with no aggregate type, so that it
   * reads back as what it was.
   */
  private static Document entry(
      EventMessage<?> message, DomainEventMessage<?> event, Serializer serializer) {
    SerializedObject<String> payload = event.serializePayload(serializer, String.class);
    SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
    return new Document("aggregateIdentifier", event.getAggregateIdentifier())
        .append("sequenceNumber", event.getSequenceNumber())
        .append("type", message instanceof DomainEventMessage<?> ? event.getType() : null)
        .append("eventIdentifier", event.getIdentifier())
        .append("timestamp", DateTimeUtils.formatInstant(event.getTimestamp()))
        .append("payloadType", payload.getType().getName())
        .append("payloadRevision", payload.getType().getRevision())
        .append("payload", payload.getData())
        .append("metaData", metaData.getData());
  }

  private static DomainEventData<String> domainEvent(Document entry) {
    String aggregate = entry.getString("aggregateIdentifier");
    boolean ofNoAggregate =
        entry.getString("type") == null && aggregate.equals(entry.getString("eventIdentifier"));
    return new GenericDomainEventEntry<>(
        entry.getString("type"),
        // as Axon's JDBC engine reads it: no aggregate identifier makes it a plain event again
        ofNoAggregate ? null : aggregate,
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
    public Builder snapshotFilter(
        org.axonframework.eventsourcing.snapshotting.SnapshotFilter filter) {
      super.snapshotFilter(filter);
      return this;
    }

    @Override
    public Builder upcasterChain(
        org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
      super.upcasterChain(upcasterChain);
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
