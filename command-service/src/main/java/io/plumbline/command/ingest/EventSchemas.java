package io.plumbline.command.ingest;

import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The event vocabulary in the OpenAPI document, built from the contract's records and their
 * constraints: one schema per event type with its {@code type} name, {@code Event} as their {@code
 * oneOf} discriminated by {@code type}, and {@code EventBatch}. A client can validate an event from
 * the document alone; the ingest refuses what these schemas refuse (unknown fields included).
 */
@Component
class EventSchemas implements OpenApiCustomizer {

  static final String EVENT = "Event";
  static final String BATCH = "EventBatch";

  private final int maxBatch;

  EventSchemas(
      @org.springframework.beans.factory.annotation.Value(
              "${plumbline.ingest.max-batch-events:1000}")
          int maxBatch) {
    this.maxBatch = maxBatch;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
    Components components = openApi.getComponents();
    List<Schema> branches = new ArrayList<>();
    Map<String, String> mapping = new LinkedHashMap<>();
    for (Class<? extends PlumblineEvent> type : EventTypes.ALL) {
      String name = EventTypes.nameOf(type);
      Map<String, Schema> schemas = ModelConverters.getInstance().readAll(type);
      schemas.forEach(components::addSchemas);
      Schema event = schemas.get(name);
      Map<String, Schema> properties = new LinkedHashMap<>();
      properties.put("type", new StringSchema()._enum(List.of(name)));
      properties.putAll(event.getProperties());
      event.setProperties(properties);
      List<String> required = new ArrayList<>(List.of("type"));
      if (event.getRequired() != null) {
        required.addAll(event.getRequired());
      }
      event.setRequired(required);
      event.setAdditionalProperties(false);
      String ref = "#/components/schemas/" + name;
      branches.add(new Schema<>().$ref(ref));
      mapping.put(name, ref);
    }
    components.addSchemas(
        EVENT,
        new Schema<>()
            .description("One fact, named by its `type`.")
            .oneOf(branches)
            .discriminator(new Discriminator().propertyName("type").mapping(mapping)));
    components.addSchemas(
        BATCH,
        new ObjectSchema()
            .addProperty(
                "events",
                new ArraySchema()
                    .items(new Schema<>().$ref("#/components/schemas/" + EVENT))
                    .minItems(1)
                    .maxItems(maxBatch))
            .required(List.of("events"))
            .additionalProperties(false));
  }
}
