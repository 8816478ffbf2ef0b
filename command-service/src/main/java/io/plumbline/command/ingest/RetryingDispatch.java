package io.plumbline.command.ingest;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.EventIdsTaken;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.common.Reason;
import io.plumbline.events.PlumblineEvent;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Hands one event to its aggregate, deciding again on the stored aggregate after a lost race. */
@Component
class RetryingDispatch {

  /**
   * How often a conflict with another writer is decided again on the aggregate as stored. Each
   * attempt reads what the other writer stored, so a second attempt fails only if it wrote again in
   * between.
   */
  private static final int ATTEMPTS = 6;

  private final CommandGateway commands;
  private final Cache aggregates;

  RetryingDispatch(CommandGateway commands, @Qualifier("teamCache") Cache aggregates) {
    this.commands = commands;
    this.aggregates = aggregates;
  }

  /**
   * Another writer — a concurrent request, or another instance of the service that this instance's
   * cached aggregate knows nothing of — may have stored events of the aggregate first: the loser
   * drops its copy, reads the aggregate as stored and decides again, so a retry that crossed
   * instances is answered as it would be by the instance that stored the original.
   */
  Outcome dispatch(PlumblineEvent event) {
    for (int attempt = 1; ; attempt++) {
      try {
        return commands.sendAndWait(DecidingAggregate.commandFor(event));
      } catch (ConcurrencyException | AggregateStreamCreationException e) {
        forget(event);
        if (attempt == ATTEMPTS) {
          throw new WriterConflictException(event.eventId(), ATTEMPTS, e);
        }
        if (attempt > 1) {
          pause(attempt);
        }
      } catch (EventIdsTaken e) {
        // the store holds this id already, in another team or group: the aggregate saw none
        throw new CommandRejectedException(
            Reason.EVENT_ID_REUSED,
            "eventId",
            "Event id '%s' was already used for another team or group; use a new id for a new fact."
                .formatted(event.eventId()));
      }
    }
  }

  /** Drops this instance's cached copy of the event's aggregate, so that it is read as stored. */
  void forget(PlumblineEvent event) {
    aggregates.remove(DecidingAggregate.idOf(event));
  }

  /** Whether another writer stored events of the aggregate first, anywhere in the causes. */
  static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
        return true;
      }
    }
    return false;
  }

  /** A few milliseconds, growing and jittered, so that two writers stop meeting. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt, 10L << attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
