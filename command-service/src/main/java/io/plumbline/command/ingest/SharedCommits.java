package io.plumbline.command.ingest;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.EventIdsTaken;
import io.plumbline.events.PlumblineEvent;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Decides one commit of a batch in one unit of work, or one by one should the commit fail. */
@Component
class SharedCommits {

  private static final Logger log = LoggerFactory.getLogger(SharedCommits.class);

  private final CommandGateway commands;
  private final RetryingDispatch dispatch;

  SharedCommits(CommandGateway commands, RetryingDispatch dispatch) {
    this.commands = commands;
    this.dispatch = dispatch;
  }

  /**
   * The events' decisions, in their order. A refused event ends the unit of work before it; should
   * the shared commit fail (another writer got there first), the events not yet stored are decided
   * again one by one.
   */
  List<Decision> decide(List<PlumblineEvent> events) {
    Decision[] decided = new Decision[events.size()];
    int committed = 0;
    UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
    try {
      for (int n = 0; n < events.size(); n++) {
        PlumblineEvent event = events.get(n);
        try {
          decided[n] =
              new Decision(
                  event.eventId(), commands.sendAndWait(DecidingAggregate.commandFor(event)), null);
        } catch (CommandRejectedException | AggregateNotFoundException e) {
          // A refused command rolls back and takes the aggregate out of the unit of work: store
          // what came before, and go on with a fresh unit of work that loads it again.
          decided[n] = new Decision(event.eventId(), null, e);
          unitOfWork.commit();
          committed = n + 1;
          unitOfWork = DefaultUnitOfWork.startAndGet(null);
        }
      }
      unitOfWork.commit();
    } catch (RuntimeException e) {
      if (unitOfWork.isActive()) {
        unitOfWork.rollback(e);
      }
      logFailure(e, events.size() - committed);
      decideOneByOne(events, committed, decided);
    }
    return List.of(decided);
  }

  private static void logFailure(RuntimeException e, int uncommitted) {
    if (e instanceof EventIdsTaken) {
      log.info(
          "A batch reuses stored event ids {}; deciding its events one by one", e.getMessage());
    } else if (RetryingDispatch.isConflict(e)) {
      // another instance stored events of these aggregates since they were cached here (a
      // retry that crossed instances): decide again on what is stored
      log.info(
          "A shared commit of {} events met events another writer stored ({}); deciding them"
              + " again on the stored aggregates",
          uncommitted,
          e.getMessage());
    } else {
      log.warn(
          "A shared commit of {} events failed ({}); deciding them one by one",
          uncommitted,
          e.toString());
    }
  }

  /**
   * The events from {@code from} on, which were not stored, each decided on its stored aggregate.
   */
  private void decideOneByOne(List<PlumblineEvent> events, int from, Decision[] decided) {
    for (int n = from; n < events.size(); n++) {
      dispatch.forget(events.get(n));
    }
    for (int n = from; n < events.size(); n++) {
      PlumblineEvent event = events.get(n);
      try {
        decided[n] = new Decision(event.eventId(), dispatch.dispatch(event), null);
      } catch (RuntimeException refused) {
        if (ProblemAdvice.problemFor(refused).isEmpty()) {
          throw refused;
        }
        decided[n] = new Decision(event.eventId(), null, refused);
      }
    }
  }
}
