package io.plumbline.command.common;

import java.util.List;

/**
 * A commit refused because some of its event ids are already stored, for another team or group or
 * earlier in the same commit: nothing of the commit is stored. The event store raises it in these
 * words, so that the ingest decides what it means (a batch decided event by event, a single event
 * refused as {@link Reason#EVENT_ID_REUSED}) without knowing the store.
 */
public class EventIdsTaken extends RuntimeException {

  private final List<String> eventIds;

  public EventIdsTaken(List<String> eventIds, Throwable cause) {
    super("Event ids already stored: " + eventIds, cause);
    this.eventIds = List.copyOf(eventIds);
  }

  /** The ids of the refused commit that the store already holds. */
  public List<String> eventIds() {
    return eventIds;
  }
}
