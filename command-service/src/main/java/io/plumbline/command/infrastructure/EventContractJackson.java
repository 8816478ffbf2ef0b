package io.plumbline.command.infrastructure;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.plumbline.events.EventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Teaches Spring's ObjectMapper, which Axon's Jackson serializer uses, the event type names. */
@Configuration(proxyBeanMethods = false)
public class EventContractJackson {

  @Bean
  Module plumblineEventTypes() {
    SimpleModule module = new SimpleModule("plumbline-events");
    EventTypes.ALL.forEach(
        type -> module.registerSubtypes(new NamedType(type, EventTypes.nameOf(type))));
    return module;
  }
}
