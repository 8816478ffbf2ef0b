package io.plumbline.command.transfer;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Moves the event store from one deployment to another: every stored event, in store order, out as
 * lines ({@link EventLine}), and back in. An import first walks the events the store already holds
 * against the first lines (so the same file sent again resumes where it stopped), refuses a store
 * that holds any other event, and stores the rest in commits of {@value #COMMIT} events, each
 * acknowledged as every submission is. The relay then sends them to Kafka, and the query side
 * computes every figure from them.
 */
@Component
public class EventTransfer {

  /** Events per commit of an import. */
  static final int COMMIT = 200;

  private final EventStorageEngine storage;
  private final EventStore store;

  EventTransfer(EventStorageEngine storage, EventStore store) {
    this.storage = storage;
    this.store = store;
  }

  /** What an import did. */
  public record Imported(long lines, long alreadyStored, long stored) {}

  /**
   * Writes the stored events after position {@code after} (0: from the first), at most {@code
   * limit}, in store order.
   */
  public void export(long after, long limit, Consumer<String> out) {
    TrackingToken from = after <= 0 ? null : GapAwareTrackingToken.newInstance(after, List.of());
    try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
      Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
      long written = 0;
      while (written < limit && it.hasNext()) {
        TrackedEventMessage<?> event = it.next();
        long position = event.trackingToken().position().orElseThrow();
        out.accept(EventLine.of(event, position).write());
        written++;
      }
    }
  }

  /**
   * Stores the lines' events. The events this store holds must be the first lines' events, in
   * order; those are passed over, the rest stored.
   *
   * @throws CommandRejectedException {@code store-holds-other-events} when the store holds an event
   *     the lines do not start with (nothing is stored then), {@code invalid-export-line} for a
   *     line that is not an exported event (the lines before it are stored: send the file again
   *     once mended, and the import resumes after them)
   */
  public Imported importLines(BufferedReader lines) throws IOException {
    try (Stream<? extends TrackedEventMessage<?>> held = storage.readEvents(null, false)) {
      Iterator<? extends TrackedEventMessage<?>> stored = held.iterator();
      List<EventMessage<?>> commit = new ArrayList<>(COMMIT);
      long number = 0;
      long alreadyStored = 0;
      long added = 0;
      boolean heldAllMatched = !stored.hasNext();
      for (String text = lines.readLine(); text != null; text = lines.readLine()) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        EventLine line = read(text, number);
        if (!heldAllMatched) {
          DomainEventMessage<?> event = (DomainEventMessage<?>) stored.next();
          if (!line.sameAs(event)) {
            throw otherEvents(number, event);
          }
          alreadyStored++;
          // asked only until the held events are passed: what this import stores is not asked for
          heldAllMatched = !stored.hasNext();
          continue;
        }
        commit.add(line.message());
        if (commit.size() == COMMIT) {
          store.publish(commit);
          added += commit.size();
          commit.clear();
        }
      }
      if (!heldAllMatched) {
        throw otherEvents(number + 1, (DomainEventMessage<?>) stored.next());
      }
      if (!commit.isEmpty()) {
        store.publish(commit);
        added += commit.size();
      }
      return new Imported(number, alreadyStored, added);
    }
  }

  private static EventLine read(String text, long number) {
    try {
      return EventLine.read(text);
    } catch (IllegalArgumentException e) {
      throw new CommandRejectedException(
          Reason.INVALID_EXPORT_LINE,
          "line " + number,
          "Line %d is not an exported event: %s. The lines before it are stored; send the file again once it is mended, and the import resumes after them."
              .formatted(number, e.getMessage()));
    }
  }

  private static CommandRejectedException otherEvents(long number, DomainEventMessage<?> held) {
    return new CommandRejectedException(
        Reason.STORE_HOLDS_OTHER_EVENTS,
        "line " + number,
        ("This event store holds events the import does not start with (at line %d it holds %s/%d);"
                + " an import goes into an empty store, or into one that holds the first lines of"
                + " the same export. Nothing was stored.")
            .formatted(number, held.getAggregateIdentifier(), held.getSequenceNumber()));
  }
}
