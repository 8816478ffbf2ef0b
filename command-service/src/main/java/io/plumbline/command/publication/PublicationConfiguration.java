package io.plumbline.command.publication;

import io.plumbline.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The events topic, and a publisher that retries a failed send instead of skipping it. */
@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {

  @Bean
  NewTopic eventsTopic(
      @Value("${plumbline.kafka.partitions:4}") int partitions,
      @Value("${plumbline.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.EVENTS).partitions(partitions).replicas(replicas).build();
  }

  /**
   * A failed send stops the processor, which retries from the same event with back-off; the
   * publisher waits for the batch's acknowledgements before the token moves.
   */
  @Bean
  ConfigurerModule retryFailedPublication(ObjectProvider<KafkaPublisher> publisher) {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                KafkaPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
            .registerHandlerInterceptor(
                KafkaPublisher.PROCESSING_GROUP, c -> publisher.getObject());
  }
}
