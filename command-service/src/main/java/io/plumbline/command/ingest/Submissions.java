package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.EventIdsTaken;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.common.Reason;
import io.plumbline.command.group.GroupSubmission;
import io.plumbline.command.security.Caller;
import io.plumbline.command.team.TeamSubmission;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.exemption.ExemptionGranted;
import io.plumbline.events.exemption.ExemptionRevoked;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Takes one submitted event from JSON to a stored event: reads it, checks the caller may submit it,
 * and hands it as it is to the team or group that decides on it; the store refuses an event id that
 * another team or group holds. Nothing is stored when anything refuses.
 */
@Component
class Submissions {

  /**
   * How often a conflict with another writer is decided again on the aggregate as stored. Each
   * attempt reads what the other writer stored, so a second attempt fails only if it wrote again in
   * between.
   */
  private static final int ATTEMPTS = 6;

  /** A team with this many events in a batch gets a commit of its own. */
  static final int OWN_COMMIT = 20;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Submissions.class);

  private final SubmissionReader reader;
  private final CommandGateway commands;
  private final SubmissionMetrics metrics;
  private final Cache aggregates;

  Submissions(
      SubmissionReader reader,
      CommandGateway commands,
      SubmissionMetrics metrics,
      @Qualifier("teamCache") Cache aggregates) {
    this.reader = reader;
    this.commands = commands;
    this.aggregates = aggregates;
    this.metrics = metrics;
  }

  record Accepted(String eventId, Outcome outcome) {}

  Accepted submit(ObjectNode json, Caller caller) {
    String type = json.path("type").asText(null);
    try {
      Accepted accepted = decide(json, caller);
      metrics.accepted(type, accepted.outcome());
      return accepted;
    } catch (RuntimeException e) {
      ProblemAdvice.problemFor(e)
          .ifPresent(
              problem -> metrics.rejected(type, (String) problem.getProperties().get("reason")));
      throw e;
    }
  }

  private Accepted decide(ObjectNode json, Caller caller) {
    PlumblineEvent event = reader.read(json);
    authorize(event, caller);
    return new Accepted(event.eventId(), dispatch(event));
  }

  /** One batch item's fate: an outcome, or the refusal that says why not. */
  record Decision(String eventId, Outcome outcome, RuntimeException refusal) {}

  /**
   * Decides a batch with the outcomes of deciding it event by event, in order, in as few commits as
   * order and sharing allow. A team's decisions depend only on its own earlier events and on the
   * groups that exist, so between two group definitions each team's events are decided together, in
   * their order: a team with many events there gets a commit of its own (as CI submits, a team's
   * events together), and the teams with a few events each share one commit (as an export
   * interleaves many teams in time order), so the store writes one commit where it would write one
   * per team. Teams go in the order of their ids, so that two batches lock the teams they share in
   * the same order. Group definitions are decided at their place. Should a batch use one event id
   * for two teams or groups, which of them gets it depends on the order, so such a batch is decided
   * in its order, consecutive events of one team sharing a commit. A refused event ends the unit of
   * work before it; should a shared commit fail (another writer got there first), its events are
   * decided again one by one.
   */
  List<Decision> submitAll(List<JsonNode> items, Caller caller) {
    Decision[] decisions = new Decision[items.size()];
    List<Integer> readable = new ArrayList<>();
    List<PlumblineEvent> events = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      try {
        if (!item.isObject()) {
          throw new SubmissionRejectedException(
              HttpStatus.BAD_REQUEST, "malformed-json", null, "Each event must be a JSON object.");
        }
        PlumblineEvent event = reader.read((ObjectNode) item);
        authorize(event, caller);
        readable.add(i);
        events.add(event);
      } catch (RuntimeException e) {
        decisions[i] = new Decision(item.path("eventId").asText(null), null, e);
      }
    }
    for (List<Integer> chunk : commits(events)) {
      decideTogether(chunk, events, readable, decisions);
    }
    for (int i = 0; i < items.size(); i++) {
      count(items.get(i).path("type").asText(null), decisions[i]);
    }
    return List.of(decisions);
  }

  /** The batch's events (by index) as the commits that decide them, in the order to decide them. */
  static List<List<Integer>> commits(List<? extends PlumblineEvent> events) {
    List<List<Integer>> commits = new ArrayList<>();
    if (anIdForTwoAggregates(events)) {
      for (int k = 0; k < events.size(); k++) {
        List<Integer> last = commits.isEmpty() ? null : commits.get(commits.size() - 1);
        if (last != null
            && events.get(last.get(0)).partitionKey().equals(events.get(k).partitionKey())) {
          last.add(k);
        } else {
          commits.add(new ArrayList<>(List.of(k)));
        }
      }
      return commits;
    }
    Map<String, List<Integer>> byTeam = new TreeMap<>();
    for (int k = 0; k < events.size(); k++) {
      PlumblineEvent event = events.get(k);
      if (event instanceof TeamEvent) {
        byTeam.computeIfAbsent(event.partitionKey(), team -> new ArrayList<>()).add(k);
      } else {
        addTeams(commits, byTeam);
        commits.add(new ArrayList<>(List.of(k)));
      }
    }
    addTeams(commits, byTeam);
    return commits;
  }

  /**
   * The teams' events so far, in the order of the team ids: a team with at least {@value
   * #OWN_COMMIT} events in a commit of its own, the others together in one.
   */
  private static void addTeams(List<List<Integer>> commits, Map<String, List<Integer>> byTeam) {
    List<Integer> shared = new ArrayList<>();
    for (List<Integer> team : byTeam.values()) {
      if (team.size() >= OWN_COMMIT) {
        commits.add(team);
      } else {
        shared.addAll(team);
      }
    }
    if (!shared.isEmpty()) {
      commits.add(shared);
    }
    byTeam.clear();
  }

  private static boolean anIdForTwoAggregates(List<? extends PlumblineEvent> events) {
    Map<String, String> aggregateOf = new HashMap<>();
    for (PlumblineEvent event : events) {
      String before = aggregateOf.putIfAbsent(event.eventId(), aggregate(event));
      if (before != null && !before.equals(aggregate(event))) {
        return true;
      }
    }
    return false;
  }

  private static String aggregate(PlumblineEvent event) {
    return (event instanceof TeamEvent ? "team:" : "group:") + event.partitionKey();
  }

  private void decideTogether(
      List<Integer> chunk,
      List<PlumblineEvent> events,
      List<Integer> readable,
      Decision[] decisions) {
    if (chunk.isEmpty()) {
      return;
    }
    Map<Integer, Decision> decided = new HashMap<>();
    int committed = 0;
    UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
    try {
      for (int n = 0; n < chunk.size(); n++) {
        PlumblineEvent event = events.get(chunk.get(n));
        try {
          decided.put(
              chunk.get(n),
              new Decision(event.eventId(), this.commands.sendAndWait(commandFor(event)), null));
        } catch (CommandRejectedException | AggregateNotFoundException e) {
          // A refused command rolls back and takes the aggregate out of the unit of work: store
          // what came before, and go on with a fresh unit of work that loads it again.
          decided.put(chunk.get(n), new Decision(event.eventId(), null, e));
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
      if (e instanceof EventIdsTaken) {
        log.info(
            "A batch reuses stored event ids {}; deciding its events one by one", e.getMessage());
      } else if (isConflict(e)) {
        // another instance stored events of these aggregates since they were cached here (a
        // retry that crossed instances): decide again on what is stored
        log.info(
            "A shared commit of {} events met events another writer stored ({}); deciding them"
                + " again on the stored aggregates",
            chunk.size() - committed,
            e.getMessage());
      } else {
        log.warn(
            "A shared commit of {} events failed ({}); deciding them one by one",
            chunk.size() - committed,
            e.toString());
      }
      for (int n = committed; n < chunk.size(); n++) {
        aggregates.remove(aggregate(events.get(chunk.get(n))));
      }
      for (int n = committed; n < chunk.size(); n++) {
        PlumblineEvent event = events.get(chunk.get(n));
        try {
          decided.put(chunk.get(n), new Decision(event.eventId(), dispatch(event), null));
        } catch (RuntimeException refused) {
          if (ProblemAdvice.problemFor(refused).isEmpty()) {
            throw refused;
          }
          decided.put(chunk.get(n), new Decision(event.eventId(), null, refused));
        }
      }
    }
    decided.forEach((k, decision) -> decisions[readable.get(k)] = decision);
  }

  private void count(String type, Decision decision) {
    if (decision.refusal() == null) {
      metrics.accepted(type, decision.outcome());
    } else {
      ProblemAdvice.problemFor(decision.refusal())
          .ifPresent(
              problem -> metrics.rejected(type, (String) problem.getProperties().get("reason")));
    }
  }

  /**
   * Another writer — a concurrent request, or another instance of the service that this instance's
   * cached aggregate knows nothing of — may have stored events of the aggregate first: the loser
   * drops its copy, reads the aggregate as stored and decides again, so a retry that crossed
   * instances is answered as it would be by the instance that stored the original.
   */
  private Outcome dispatch(PlumblineEvent event) {
    for (int attempt = 1; ; attempt++) {
      try {
        return commands.sendAndWait(commandFor(event));
      } catch (ConcurrencyException | AggregateStreamCreationException e) {
        aggregates.remove(aggregate(event));
        if (attempt == ATTEMPTS) {
          throw new WriterConflictException(event.eventId(), e);
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

  private static boolean isConflict(Throwable e) {
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
      Thread.sleep(
          java.util.concurrent.ThreadLocalRandom.current().nextLong(5L << attempt, 10L << attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writers kept meeting on one aggregate: the client may retry; nothing was stored. */
  static final class WriterConflictException extends RuntimeException {
    WriterConflictException(String eventId, Throwable cause) {
      super(
          "Event '%s' met other writers of its team %d times; nothing was stored, retry it."
              .formatted(eventId, ATTEMPTS),
          cause);
    }
  }

  /** A team's facts go to the team, a group's definition to the group. */
  private static Object commandFor(PlumblineEvent event) {
    return event instanceof TeamEvent teamEvent
        ? new TeamSubmission(teamEvent)
        : new GroupSubmission((GroupDefined) event);
  }

  /** Groups, team registration, moves and retirements: admin only. */
  private static final Set<Class<?>> ORG_STRUCTURE =
      Set.of(GroupDefined.class, TeamRegistered.class, TeamMoved.class, TeamRetired.class);

  /** Exemptions: admins and approvers, for any team. */
  private static final Set<Class<?>> EXEMPTIONS =
      Set.of(ExemptionGranted.class, ExemptionRevoked.class);

  private static void authorize(PlumblineEvent event, Caller caller) {
    if (caller.isAdmin()) {
      return;
    }
    boolean exemption = EXEMPTIONS.contains(event.getClass());
    if (caller.scope() == io.plumbline.service.tokens.TokenCheck.Scope.APPROVER) {
      if (exemption) {
        return;
      }
      throw new CommandRejectedException(
          Reason.EXEMPTIONS_ONLY,
          "type",
          "An approver token grants and revokes exemptions only; evidence comes from the team's"
              + " own token, org structure from an admin.");
    }
    if (exemption) {
      throw new CommandRejectedException(
          Reason.ADMIN_ONLY,
          "type",
          "Only admin and approver tokens may grant or revoke exemptions.");
    }
    if (!(event instanceof TeamEvent teamEvent) || ORG_STRUCTURE.contains(event.getClass())) {
      throw new CommandRejectedException(
          Reason.ADMIN_ONLY,
          "type",
          "Only admin tokens may change the org structure (groups, team registration, moves and"
              + " retirements).");
    }
    if (!teamEvent.teamId().equals(caller.teamId())) {
      throw new CommandRejectedException(
          Reason.WRONG_TEAM,
          "teamId",
          "This token submits for team '%s' only, not for '%s'."
              .formatted(caller.teamId(), teamEvent.teamId()));
    }
  }
}
