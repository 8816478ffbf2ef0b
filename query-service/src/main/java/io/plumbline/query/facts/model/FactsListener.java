package io.plumbline.query.facts.model;

import io.plumbline.events.PlumblineEvent;
import java.util.List;

/**
 * Told of every batch once it is in the fact logs, redeliveries included: a redelivery repairs a
 * crash between the append and the listener, so a listener must be idempotent.
 */
public interface FactsListener {

  void projected(List<? extends PlumblineEvent> events);
}
