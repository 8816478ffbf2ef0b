package io.plumbline.command.infrastructure;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.plumbline.command.common.AggregateCommand;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stores events and tracking tokens in MongoDB. The token store is declared here rather than
 * through the Mongo extension's starter, which auto-configures too late and loses it.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMongoConfiguration {

  @Bean
  MongoTemplate axonMongoTemplate(
      MongoClient client, @Value("${spring.data.mongodb.database:plumbline}") String database) {
    return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
  }

  /**
   * One document per commit, read only through unique keys: see {@link CommitLogEventStorageEngine}
   * for why Axon's own Mongo engine is not used for events.
   */
  @Bean
  EventStorageEngine eventStorageEngine(
      MongoClient client,
      @Value("${spring.data.mongodb.database:plumbline}") String database,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      ObjectMapper objectMapper,
      org.axonframework.config.Configuration axon,
      @Value("${plumbline.event-store.gap-timeout:60s}") Duration gapTimeout) {
    CommitLogEventStorageEngine engine =
        new CommitLogEventStorageEngine(
            CommitLogEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer(objectMapper))
                // events of earlier payload revisions are read as current ones
                .upcasterChain(new ContractUpcaster())
                // each aggregate's filter: a snapshot of another @Revision is not read
                .snapshotFilter(axon.snapshotFilter())
                .batchSize(500)
                .duplicateKeys(),
            client.getDatabase(database),
            gapTimeout,
            Clock.systemUTC(),
            message ->
                message.getPayload() instanceof PlumblineEvent event ? event.eventId() : null);
    engine.ensureIndexes();
    return engine;
  }

  /**
   * Axon's event store as the starter declares it, with a smaller cache of recent events for
   * tailing processors (Axon keeps 10,000 by default): the only tailing processor is the publisher,
   * which stays near the head, and one that falls behind reads the store itself.
   */
  @Qualifier("eventStore")
  @Bean(name = "eventBus")
  EmbeddedEventStore eventStore(
      EventStorageEngine storageEngine,
      org.axonframework.config.Configuration configuration,
      @Value("${plumbline.event-store.cached-events:10000}") int cachedEvents) {
    return EmbeddedEventStore.builder()
        .storageEngine(storageEngine)
        .cachedEvents(cachedEvents)
        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
        .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
        .build();
  }

  @Bean
  EventPositionsCheck eventPositionsCheck(
      EventStorageEngine eventStorageEngine,
      MongoTemplate axonMongoTemplate,
      Serializer serializer) {
    return new EventPositionsCheck(
        (CommitLogEventStorageEngine) eventStorageEngine, axonMongoTemplate, serializer);
  }

  @Bean
  TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
    return MongoTokenStore.builder()
        .mongoTemplate(axonMongoTemplate)
        .serializer(serializer)
        .ensureIndexes(true)
        .build();
  }

  /**
   * Snapshots hold an aggregate's private state, so they are written field by field rather than
   * through accessors.
   */
  private static Serializer snapshotSerializer(ObjectMapper objectMapper) {
    ObjectMapper fields =
        objectMapper
            .copy()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    return JacksonSerializer.builder().objectMapper(fields).build();
  }

  /** A snapshot of a team every so many events, so that long histories still load fast. */
  @Bean
  SnapshotTriggerDefinition teamSnapshotTrigger(
      Snapshotter snapshotter, @Value("${plumbline.snapshots.every-events:100}") int threshold) {
    return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
  }

  /**
   * Keeps up to {@code plumbline.aggregates.cached} teams in memory (least recently used go first),
   * so that a command does not re-read the team's events. Axon drops an entry on any failed
   * command, and the event store's unique (aggregate, sequence) index still guards every append, so
   * a stale copy never wins.
   */
  @Bean(destroyMethod = "")
  org.axonframework.common.caching.Cache teamCache(
      @Value("${plumbline.aggregates.cached:2000}") long maximumSize) {
    javax.cache.spi.CachingProvider provider =
        javax.cache.Caching.getCachingProvider(
            com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider.class.getName());
    com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration<Object, Object> config =
        new com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration<>();
    config.setMaximumSize(java.util.OptionalLong.of(maximumSize));
    config.setStoreByValue(false);
    javax.cache.CacheManager manager = provider.getCacheManager();
    javax.cache.Cache<Object, Object> cache = manager.getCache("plumbline-teams");
    if (cache == null) {
      cache = manager.createCache("plumbline-teams", config);
    }
    return new org.axonframework.common.caching.JCacheAdapter(cache);
  }

  /**
   * Every command names its aggregate through {@link AggregateCommand#aggregateId()}; asking it
   * directly spares Axon's reflective search for the annotated member on every command.
   */
  @Bean
  CommandTargetResolver commandTargetResolver() {
    CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();
    return command ->
        command.getPayload() instanceof AggregateCommand routed
            ? new VersionedAggregateIdentifier(routed.aggregateId(), null)
            : annotated.resolveTarget(command);
  }

  /** Reads payload revisions from the contract's own annotation, so the contract needs no Axon. */
  @Bean
  RevisionResolver revisionResolver() {
    return EventTypes::revisionOf;
  }
}
