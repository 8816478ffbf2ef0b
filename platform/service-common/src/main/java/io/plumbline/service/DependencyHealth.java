package io.plumbline.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Readiness follows the service's dependencies: MongoDB answers a ping (which the embedded stand-in
 * supports, unlike the hello command Spring Boot's own indicator uses) and the Kafka cluster can be
 * described.
 */
@AutoConfiguration
public class DependencyHealth {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Fail fast when MongoDB is away, so that callers get an answer instead of a long wait. */
  @Bean
  MongoClientSettingsBuilderCustomizer failFastWithoutMongo() {
    return settings ->
        settings
            .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
            .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS));
  }

  @Bean
  HealthIndicator mongoPing(MongoTemplate mongo) {
    return () -> {
      try {
        mongo.executeCommand(new Document("ping", 1));
        return Health.up().build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
      }
    };
  }

  @Bean(destroyMethod = "close")
  Admin healthAdmin(KafkaAdmin kafkaAdmin) {
    return Admin.create(kafkaAdmin.getConfigurationProperties());
  }

  @Bean
  HealthIndicator kafka(Admin healthAdmin) {
    return () -> {
      try {
        int nodes =
            healthAdmin
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                .nodes()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .size();
        return Health.up().withDetail("brokers", nodes).build();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
      }
    };
  }
}
