package io.plumbline.service;

import io.plumbline.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The events topic, declared alike by both services (whichever starts first creates it): {@code
 * plumbline.kafka.partitions} partitions, {@code plumbline.kafka.replicas} replicas.
 */
@AutoConfiguration
public class EventsTopic {

  @Bean
  NewTopic eventsTopic(
      @Value("${plumbline.kafka.partitions:4}") int partitions,
      @Value("${plumbline.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.EVENTS).partitions(partitions).replicas(replicas).build();
  }
}
