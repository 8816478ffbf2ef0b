package io.plumbline.query.infrastructure;

import io.plumbline.events.EventJson;
import io.plumbline.events.Topics;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * An unreadable record goes to the dead-letter topic at once (with the reason in its headers) so
 * that its partition keeps moving; any other failure, such as the database being away, is retried
 * with back-off until it succeeds, so nothing is skipped.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

  @Bean
  NewTopic deadLetterTopic(
      @Value("${plumbline.kafka.partitions:4}") int partitions,
      @Value("${plumbline.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.EVENTS_DEAD_LETTER)
        .partitions(partitions)
        .replicas(replicas)
        .build();
  }

  @Bean
  DefaultErrorHandler projectionErrorHandler(KafkaTemplate<Object, Object> template) {
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            template, (record, e) -> new TopicPartition(Topics.EVENTS_DEAD_LETTER, -1));
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
    backOff.setMaxInterval(10_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(
        EventJson.MalformedEventException.class, DateTimeParseException.class);
    return handler;
  }
}
