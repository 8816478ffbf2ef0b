package io.plumbline.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.plumbline.embedded.SharedTestInfrastructure;
import io.plumbline.events.EventJson;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events stored in an earlier payload revision are read as the current one, by the aggregate and by
 * the publisher alike; the stored document is never rewritten.
 */
class StoredRevisionsTest {

  private static final String V1 =
      "{\"type\":\"SloDefined\",\"eventId\":\"slo-v1\",\"teamId\":\"checkout\",\"sloId\":\"availability\","
          + "\"serviceId\":\"api\",\"sliKind\":\"AVAILABILITY\",\"objectivePercent\":99.95,"
          + "\"windowDays\":28,\"errorBudgetPolicy\":true,\"burnRateAlerts\":false,"
          + "\"occurredAt\":\"2025-03-01T00:00:00Z\"}";

  private MongoClient client;
  private MongoDatabase database;
  private CommitLogEventStorageEngine engine;

  @BeforeEach
  void storeWithTheContractsSerializer() {
    client = MongoClients.create(SharedTestInfrastructure.get().mongo().connectionString());
    database = client.getDatabase("revisions-" + UUID.randomUUID());
    ObjectMapper mapper = EventJson.configure(new ObjectMapper());
    JacksonSerializer serializer =
        JacksonSerializer.builder()
            .objectMapper(mapper)
            .revisionResolver(EventTypes::revisionOf)
            .build();
    engine =
        new CommitLogEventStorageEngine(
            CommitLogEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new ContractUpcaster())
                .duplicateKeys(),
            database,
            Duration.ofSeconds(60),
            Clock.systemUTC(),
            message -> ((PlumblineEvent) message.getPayload()).eventId());
    engine.ensureIndexes();
  }

  @AfterEach
  void drop() {
    database.drop();
    client.close();
  }

  @Test
  void aRevisionOneSloDefinedStoredLongAgoReadsAsRevisionTwo() {
    SloDefined current =
        new SloDefined(
            "slo-v1",
            "checkout",
            "availability",
            "api",
            SliKind.AVAILABILITY,
            new BigDecimal("99.95"),
            28,
            true,
            false,
            Instant.parse("2025-03-01T00:00:00Z"));
    engine.appendEvents(new GenericDomainEventMessage<>("Team", "team:checkout", 0, current));
    // what a command service of the previous release wrote for the same fact
    database
        .getCollection(CommitLogEventStorageEngine.EVENTS)
        .updateOne(
            Filters.exists("events"),
            Updates.combine(
                Updates.set("events.0.payload", V1), Updates.set("events.0.payloadRevision", "1")));
    Document stored = database.getCollection(CommitLogEventStorageEngine.EVENTS).find().first();
    assertThat(stored.getList("events", Document.class).get(0).getString("payloadRevision"))
        .isEqualTo("1");

    List<? extends DomainEventMessage<?>> aggregate =
        engine.readEvents("team:checkout").asStream().toList();
    List<Object> published =
        engine.readEvents(null, false).map(m -> (Object) m.getPayload()).toList();

    SloDefined read = (SloDefined) aggregate.get(0).getPayload();
    assertThat(read.objectives()).containsExactly(new SloObjective(null, new BigDecimal("99.95")));
    assertThat(read.window()).isEqualTo(new SloWindow("28d", false, null));
    assertThat(read).isEqualTo(current);
    assertThat(published).containsExactly(current);
    assertThat(aggregate.get(0).getPayloadType()).isEqualTo(SloDefined.class);
  }
}
