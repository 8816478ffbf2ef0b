package io.plumbline.command.relay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A publisher that retries a failed send instead of skipping it (the events topic is declared in
 * service-common).
 */
@Configuration(proxyBeanMethods = false)
public class RelayConfiguration {

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
