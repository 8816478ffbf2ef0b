package io.plumbline.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.plumbline.command.common.EventIdsTaken;
import io.plumbline.embedded.SharedTestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event store against the embedded MongoDB stand-in, which serves only unique indexes. */
class CommitLogEventStorageEngineTest {

  private static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);

  record Noted(String text) {}

  private static final java.util.function.Function<
          org.axonframework.eventhandling.EventMessage<?>, String>
      TEXT_IS_UNIQUE = message -> ((Noted) message.getPayload()).text();

  private MongoClient client;
  private MongoDatabase database;
  private MutableClock clock;
  private CommitLogEventStorageEngine engine;

  @BeforeEach
  void freshDatabase() {
    client = MongoClients.create(SharedTestInfrastructure.get().mongo().connectionString());
    database = client.getDatabase("engine-" + UUID.randomUUID());
    clock = new MutableClock(Instant.parse("2026-11-01T00:00:00Z"));
    JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    engine =
        new CommitLogEventStorageEngine(
            CommitLogEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(3)
                .duplicateKeys(),
            database,
            GAP_TIMEOUT,
            clock,
            TEXT_IS_UNIQUE);
    engine.ensureIndexes();
  }

  @AfterEach
  void dropDatabase() {
    database.drop();
    client.close();
  }

  @Test
  void anAggregateReadsBackItsOwnEventsInOrderAcrossCommitsAndBatches() {
    engine.appendEvents(
        event("team:a", 0, "a0"), event("team:b", 0, "b0"), event("team:a", 1, "a1"));
    engine.appendEvents(event("team:a", 2, "a2"), event("team:a", 3, "a3"));
    engine.appendEvents(event("team:a", 4, "a4"));

    assertThat(texts(engine.readEvents("team:a").asStream().toList()))
        .containsExactly("a0", "a1", "a2", "a3", "a4");
    assertThat(texts(engine.readEvents("team:a", 3).asStream().toList()))
        .containsExactly("a3", "a4");
    assertThat(texts(engine.readEvents("team:b").asStream().toList())).containsExactly("b0");
    assertThat(engine.readEvents("team:none").asStream()).isEmpty();
  }

  @Test
  void aSecondEventAtATakenSequenceIsRefusedAndItsCommitIsNotStoredAtAll() {
    engine.appendEvents(event("team:a", 0, "a0"), event("team:a", 1, "a1"));

    assertThatThrownBy(() -> engine.appendEvents(event("team:a", 0, "again")))
        .isInstanceOf(AggregateStreamCreationException.class);
    assertThatThrownBy(
            () -> engine.appendEvents(event("team:b", 0, "b0"), event("team:a", 1, "late")))
        .isInstanceOf(ConcurrencyException.class);

    assertThat(texts(engine.readEvents("team:a").asStream().toList())).containsExactly("a0", "a1");
    assertThat(engine.readEvents("team:b").asStream()).as("nothing of a refused commit").isEmpty();
    assertThat(texts(trackAll(null))).containsExactly("a0", "a1");
  }

  @Test
  void anEventIdTheStoreHoldsIsRefusedWhicheverAggregateHoldsIt() {
    engine.appendEvents(event("team:a", 0, "shared-id"));

    assertThatThrownBy(
            () -> engine.appendEvents(event("team:b", 0, "b0"), event("team:b", 1, "shared-id")))
        .isInstanceOfSatisfying(
            EventIdsTaken.class, e -> assertThat(e.eventIds()).containsExactly("shared-id"));
    assertThat(engine.readEvents("team:b").asStream()).as("nothing of the commit").isEmpty();
  }

  @Test
  void aTrackingReaderSeesEveryEventOnceInStoreOrder() {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      engine.appendEvents(
          event("team:a", 2L * i, "a" + (2 * i)), event("team:a", 2L * i + 1, "a" + (2 * i + 1)));
      written.add("a" + (2 * i));
      written.add("a" + (2 * i + 1));
    }

    List<TrackedEventMessage<?>> read = trackAll(null);

    assertThat(texts(read)).containsExactlyElementsOf(written);
    TrackingToken last = read.get(read.size() - 1).trackingToken();
    assertThat(engine.readEvents(last, false)).as("nothing after the last").isEmpty();
    assertThat(last).isEqualTo(engine.createHeadToken());
  }

  @Test
  void aReaderResumingFromATokenInsideACommitReadsTheRestOfIt() {
    engine.appendEvents(event("team:a", 0, "a0"));
    engine.appendEvents(
        event("team:a", 1, "a1"),
        event("team:a", 2, "a2"),
        event("team:a", 3, "a3"),
        event("team:a", 4, "a4"));
    List<TrackedEventMessage<?>> all = trackAll(null);
    TrackingToken afterA2 = all.get(2).trackingToken();

    assertThat(texts(trackAll(afterA2))).containsExactly("a3", "a4");
  }

  @Test
  void aReaderResumingFromTheTokenOfAnyEventReadsExactlyTheEventsAfterIt() {
    engine.appendEvents(event("team:a", 0, "a0"), event("team:b", 0, "b0"));
    engine.appendEvents(event("team:a", 1, "a1"));
    engine.appendEvents(
        event("team:a", 2, "a2"), event("team:a", 3, "a3"), event("team:b", 1, "b1"));
    List<TrackedEventMessage<?>> all = trackAll(null);
    List<String> texts = texts(all);
    assertThat(texts).containsExactly("a0", "b0", "a1", "a2", "a3", "b1");

    for (int i = 0; i < all.size(); i++) {
      assertThat(texts(trackAll(all.get(i).trackingToken())))
          .as("after %s", texts.get(i))
          .containsExactlyElementsOf(texts.subList(i + 1, texts.size()));
    }
  }

  @Test
  void positionsThatAFailedCommitReservedDoNotStallTheReader() {
    engine.appendEvents(event("team:a", 0, "a0"));
    // a commit of ten events reserved its positions and then failed: more than a read batch
    reserveWithoutWriting(10);
    engine.appendEvents(event("team:a", 1, "a1"));

    assertThat(texts(trackAll(null))).containsExactly("a0", "a1");
  }

  @Test
  void aCommitStillBeingWrittenIsReadWhenItLandsAndItsGapIsThenClosed() {
    engine.appendEvents(event("team:a", 0, "a0"));
    long slow = reserveWithoutWriting(1);
    engine.appendEvents(event("team:b", 0, "b0"));

    List<TrackedEventMessage<?>> first = trackAll(null);
    assertThat(texts(first)).containsExactly("a0", "b0");
    GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(1).trackingToken();
    assertThat(token.getGaps()).containsExactly(slow);

    writeAt(slow, event("team:c", 0, "c0"));

    List<TrackedEventMessage<?>> second = trackAll(token);
    assertThat(texts(second)).containsExactly("c0");
    assertThat(((GapAwareTrackingToken) second.get(0).trackingToken()).hasGaps()).isFalse();
  }

  @Test
  void aGapIsGivenUpOnceACommitStoredLongAfterItIsRead() {
    engine.appendEvents(event("team:a", 0, "a0"));
    reserveWithoutWriting(1);
    engine.appendEvents(event("team:b", 0, "b0"));
    GapAwareTrackingToken fresh = (GapAwareTrackingToken) last(trackAll(null)).trackingToken();
    assertThat(fresh.hasGaps()).isTrue();

    engine.appendEvents(event("team:b", 1, "b1"));
    clock.advance(GAP_TIMEOUT.plusSeconds(1));

    TrackedEventMessage<?> next = last(trackAll(fresh));
    assertThat(texts(List.of(next))).containsExactly("b1");
    assertThat(((GapAwareTrackingToken) next.trackingToken()).hasGaps()).isFalse();
  }

  @Test
  void aTrackingReaderMissesNothingWhileFourWritersCommitConcurrently() throws Exception {
    CommitLogEventStorageEngine live =
        new CommitLogEventStorageEngine(
            CommitLogEventStorageEngine.builder()
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .batchSize(200)
                .duplicateKeys(),
            database,
            GAP_TIMEOUT,
            Clock.systemUTC(),
            TEXT_IS_UNIQUE);
    EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(live).build();
    int writers = 4;
    int commitsPerWriter = 200;
    int eventsPerCommit = 50;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    try (var stream = store.openStream(null)) {
      List<java.util.concurrent.Future<?>> writing = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writing.add(
            pool.submit(
                () -> {
                  for (int c = 0; c < commitsPerWriter; c++) {
                    List<DomainEventMessage<?>> commit = new ArrayList<>();
                    for (int e = 0; e < eventsPerCommit; e++) {
                      commit.add(event("team:w" + writer + "-" + c, e, writer + "/" + c + "/" + e));
                    }
                    store.publish(commit);
                  }
                }));
      }
      java.util.Set<String> seen = new java.util.HashSet<>();
      int expected = writers * commitsPerWriter * eventsPerCommit;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        if (stream.hasNextAvailable(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          seen.add(((Noted) stream.nextAvailable().getPayload()).text());
        }
      }
      for (var future : writing) {
        future.get();
      }
      assertThat(seen).hasSize(expected);
    } finally {
      pool.shutdownNow();
      store.shutDown();
    }
  }

  @Test
  void aCommitThatRepeatsASequenceIsRefusedWholeAsAxonsEnginesRefuseIt() {
    assertThatThrownBy(() -> engine.appendEvents(event("team:a", 0, "a0"), event("team:a", 0, "x")))
        .isInstanceOf(AggregateStreamCreationException.class);
    assertThatThrownBy(
            () ->
                engine.appendEvents(
                    event("team:b", 0, "b0"), event("team:b", 1, "b1"), event("team:b", 1, "y")))
        .isInstanceOf(ConcurrencyException.class)
        .hasMessageContaining("team:b")
        .hasMessageContaining("[1]");

    assertThat(engine.readEvents("team:a").asStream()).isEmpty();
    assertThat(engine.readEvents("team:b").asStream()).isEmpty();
    assertThat(trackAll(null)).as("nothing of either commit").isEmpty();
  }

  @Test
  void aCommitThatRepeatsAnEventIdIsRefusedWhole() {
    assertThatThrownBy(
            () -> engine.appendEvents(event("team:a", 0, "same"), event("team:a", 1, "same")))
        .isInstanceOfSatisfying(
            EventIdsTaken.class, e -> assertThat(e.eventIds()).containsExactly("same"));
    assertThat(engine.readEvents("team:a").asStream()).isEmpty();
  }

  @Test
  void aMessageIdentifierIsUniqueAcrossTheStoreWhereNoOtherIdIsGiven() {
    CommitLogEventStorageEngine plain = engineWith(3, message -> null);
    DomainEventMessage<Noted> first = event("team:a", 0, "a0");
    plain.appendEvents(first);

    DomainEventMessage<Noted> sameIdentifier =
        new GenericDomainEventMessage<>(
            "Team",
            "team:b",
            0,
            new Noted("b0"),
            MetaData.emptyInstance(),
            first.getIdentifier(),
            Instant.now());
    assertThatThrownBy(() -> plain.appendEvents(sameIdentifier)).isInstanceOf(EventIdsTaken.class);
    assertThat(plain.readEvents("team:b").asStream()).isEmpty();
  }

  @Test
  void aCommitOfAThousandEventsReadsBackWholeFromAnySequenceAndStaysWritable() {
    CommitLogEventStorageEngine production = engineWith(500, TEXT_IS_UNIQUE);
    List<DomainEventMessage<?>> big = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      big.add(event("team:big", i, "e" + i));
    }
    production.appendEvents(big);
    production.appendEvents(event("team:big", 1000, "e1000"));

    List<? extends DomainEventMessage<?>> all =
        production.readEvents("team:big").asStream().toList();
    assertThat(all)
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(0, 1000).boxed().toList());
    assertThat(texts(production.readEvents("team:big", 777).asStream().toList()))
        .hasSize(224)
        .startsWith("e777", "e778");
    assertThat(production.lastSequenceNumberFor("team:big")).contains(1000L);

    assertThatThrownBy(() -> production.appendEvents(event("team:big", 500, "late")))
        .isInstanceOf(ConcurrencyException.class)
        .hasMessageContaining("[500]");
    production.appendEvents(event("team:big", 1001, "e1001"));
    assertThat(production.readEvents("team:big", 1001).asStream()).hasSize(1);
  }

  @Test
  void commitsStoredBeforeStartsWereKeptAreGivenThemOnStartAndReadWhole() {
    engine.appendEvents(event("team:a", 0, "a0"), event("team:a", 1, "a1"));
    engine.appendEvents(event("team:a", 2, "a2"), event("team:b", 0, "b0"));
    engine.appendEvents(event("team:a", 3, "a3"));
    var stored = database.getCollection(CommitLogEventStorageEngine.EVENTS);
    stored.updateMany(new Document(), Updates.unset("starts"));
    database
        .getCollection(CommitLogEventStorageEngine.SEQUENCES)
        .deleteOne(Filters.eq("_id", "starts-kept"));
    assertThat(stored.countDocuments(Filters.exists("starts"))).as("as stored before").isZero();
    assertThat(texts(engine.readEvents("team:a").asStream().toList()))
        .as("without starts only the first commit is found")
        .containsExactly("a0", "a1");

    engineWith(3, TEXT_IS_UNIQUE); // a start: ensureIndexes

    assertThat(texts(engine.readEvents("team:a").asStream().toList()))
        .containsExactly("a0", "a1", "a2", "a3");
    assertThat(texts(engine.readEvents("team:b").asStream().toList())).containsExactly("b0");
  }

  @Test
  void anEventOfNoAggregateReadsBackAsOneOfNoAggregate() {
    engine.appendEvents(
        new org.axonframework.eventhandling.GenericEventMessage<>(
            new Noted("application"), MetaData.with("key", "value")));
    engine.appendEvents(event("team:a", 0, "a0"));

    List<TrackedEventMessage<?>> read = trackAll(null);
    assertThat(read).hasSize(2);
    assertThat(read.get(0)).isNotInstanceOf(DomainEventMessage.class);
    assertThat(read.get(0).getMetaData()).containsEntry("key", "value");
    assertThat(read.get(1)).isInstanceOf(DomainEventMessage.class);
  }

  @Test
  void aTokenAtAPointInTimeStandsBeforeTheFirstEventAtOrAfterItInStoreOrder() {
    engine.appendEvents(
        at("team:a", 0, "10:15:30"), at("team:a", 1, "10:15:40"), at("team:a", 2, "10:15:50"));
    engine.appendEvents(at("team:a", 3, "10:15:45"), at("team:a", 4, "10:15:42"));

    assertThat(texts(trackAll(engine.createTokenAt(time("10:15:45")))))
        .as("unordered timestamps: from the first at or after, everything after it")
        .containsExactly("a2", "a3", "a4");
    assertThat(texts(trackAll(engine.createTokenAt(time("10:15:30")))))
        .as("exactly at the first")
        .containsExactly("a0", "a1", "a2", "a3", "a4");
    assertThat(texts(trackAll(engine.createTokenAt(time("10:15:35")))))
        .containsExactly("a1", "a2", "a3", "a4");
    assertThat(trackAll(engine.createTokenAt(time("10:16:00")))).as("after the last").isEmpty();
  }

  @Test
  void onStartTheCounterIsRaisedAboveStoredCommitsAndTrackedPositions() {
    engine.appendEvents(event("team:a", 0, "a0"), event("team:a", 1, "a1"));
    engine.appendEvents(event("team:a", 2, "a2"));
    assertThat(engine.repairPositions(3).repaired()).as("consistent").isFalse();

    // the database lost its last counter increments, and a processor has passed position 7
    database
        .getCollection(CommitLogEventStorageEngine.SEQUENCES)
        .updateOne(Filters.eq("_id", "commits"), Updates.set("last", 1L));
    CommitLogEventStorageEngine.PositionRepair repair = engine.repairPositions(7);

    assertThat(repair.repaired()).isTrue();
    assertThat(repair.stored()).isEqualTo(3);
    assertThat(repair.counterAfter()).isEqualTo(7);
    engine.appendEvents(event("team:b", 0, "b0"));
    TrackingToken passed = GapAwareTrackingToken.newInstance(7, List.of());
    assertThat(texts(trackAll(passed)))
        .as("the next event is after what was passed")
        .containsExactly("b0");
  }

  @Test
  void anAggregateLoadsFromItsSnapshotAndTheEventsAfterIt() {
    for (int i = 0; i < 6; i++) {
      engine.appendEvents(event("team:a", i, "a" + i));
    }
    engine.storeSnapshot(new GenericDomainEventMessage<>("Team", "team:a", 3, new Noted("s3")));
    EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    try {
      List<? extends DomainEventMessage<?>> loaded = store.readEvents("team:a").asStream().toList();
      assertThat(loaded.get(0).getSequenceNumber()).as("the snapshot first").isEqualTo(3);
      assertThat(texts(loaded)).containsExactly("s3", "a4", "a5");
    } finally {
      store.shutDown();
    }
  }

  @Test
  void theNewestSnapshotIsKeptPerAggregate() {
    engine.storeSnapshot(new GenericDomainEventMessage<>("Team", "team:a", 9, new Noted("s9")));
    engine.storeSnapshot(new GenericDomainEventMessage<>("Team", "team:a", 19, new Noted("s19")));

    DomainEventMessage<?> snapshot = engine.readSnapshot("team:a").orElseThrow();
    assertThat(snapshot.getSequenceNumber()).isEqualTo(19);
    assertThat(((Noted) snapshot.getPayload()).text()).isEqualTo("s19");
    assertThat(engine.readSnapshot("team:b")).isEmpty();
  }

  @Test
  void aStoreThatCannotBeReachedFailsTheAppend() {
    MongoClient unreachable =
        MongoClients.create(
            "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200");
    CommitLogEventStorageEngine offline =
        new CommitLogEventStorageEngine(
            CommitLogEventStorageEngine.builder()
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .duplicateKeys(),
            unreachable.getDatabase("offline"),
            GAP_TIMEOUT,
            clock,
            TEXT_IS_UNIQUE);
    try {
      assertThatThrownBy(() -> offline.appendEvents(event("team:a", 0, "a0")))
          .isInstanceOf(EventStoreException.class);
    } finally {
      unreachable.close();
    }
  }

  private long reserveWithoutWriting(int positions) {
    Document counter =
        database
            .getCollection(CommitLogEventStorageEngine.SEQUENCES)
            .findOneAndUpdate(
                Filters.eq("_id", "commits"),
                Updates.inc("last", (long) positions),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                    .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
    return counter.getLong("last") - positions + 1;
  }

  /** Stores a commit as a slow writer would have: at the position it reserved earlier. */
  private void writeAt(long position, DomainEventMessage<?> event) {
    engine.appendEvents(event);
    var commits = database.getCollection(CommitLogEventStorageEngine.EVENTS);
    Document written =
        commits.find(Filters.eq("keys", event.getAggregateIdentifier() + "/0")).first();
    commits.deleteOne(Filters.eq("_id", written.get("_id")));
    commits.insertOne(written.append("_id", position).append("first", position));
  }

  private CommitLogEventStorageEngine engineWith(
      int batchSize,
      java.util.function.Function<org.axonframework.eventhandling.EventMessage<?>, String> ids) {
    CommitLogEventStorageEngine other =
        new CommitLogEventStorageEngine(
            CommitLogEventStorageEngine.builder()
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .batchSize(batchSize)
                .duplicateKeys(),
            database,
            GAP_TIMEOUT,
            clock,
            ids);
    other.ensureIndexes();
    return other;
  }

  private static Instant time(String clock) {
    return Instant.parse("2007-12-03T" + clock + "Z");
  }

  private static DomainEventMessage<Noted> at(String aggregate, long sequence, String clock) {
    return new GenericDomainEventMessage<>(
        "Team",
        aggregate,
        sequence,
        new Noted(aggregate.substring(5) + sequence),
        MetaData.emptyInstance(),
        UUID.randomUUID().toString(),
        time(clock));
  }

  private List<TrackedEventMessage<?>> trackAll(TrackingToken from) {
    return engine.readEvents(from, false).collect(Collectors.toList());
  }

  private static TrackedEventMessage<?> last(List<TrackedEventMessage<?>> events) {
    return events.get(events.size() - 1);
  }

  private static DomainEventMessage<Noted> event(String aggregate, long sequence, String text) {
    return new GenericDomainEventMessage<>("Team", aggregate, sequence, new Noted(text));
  }

  private static List<String> texts(
      List<? extends org.axonframework.eventhandling.EventMessage<?>> events) {
    return events.stream().map(e -> ((Noted) e.getPayload()).text()).toList();
  }

  /** A clock the test moves forward. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
