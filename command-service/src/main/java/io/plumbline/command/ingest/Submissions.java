package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.EvidenceCommand;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.common.Reason;
import io.plumbline.command.common.TeamCommand;
import io.plumbline.command.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Takes one submitted event from JSON to a stored event: reads it, checks the caller may submit it,
 * claims its id, and lets the aggregate decide. Nothing is stored when anything refuses.
 */
@Component
class Submissions {

  private static final int ATTEMPTS = 3;

  private final SubmissionReader reader;
  private final EventIdClaims claims;
  private final CommandGateway commands;
  private final SubmissionMetrics metrics;

  Submissions(
      SubmissionReader reader,
      EventIdClaims claims,
      CommandGateway commands,
      SubmissionMetrics metrics) {
    this.reader = reader;
    this.claims = claims;
    this.commands = commands;
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
    EvidenceCommand command = reader.read(json);
    authorize(command, caller);
    boolean claimedNow = claims.claim(command.eventId(), command.aggregateId());
    try {
      return new Accepted(command.eventId(), dispatch(command));
    } catch (RuntimeException e) {
      if (claimedNow) {
        claims.release(command.eventId());
      }
      throw e;
    }
  }

  /** Two commands may race to create the same aggregate; the loser retries and sees the winner. */
  private Outcome dispatch(EvidenceCommand command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return commands.sendAndWait(command);
      } catch (ConcurrencyException | AggregateStreamCreationException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static void authorize(EvidenceCommand command, Caller caller) {
    if (caller.isAdmin()) {
      return;
    }
    if (!(command instanceof TeamCommand teamCommand) || SubmissionTypes.isOrgStructure(command)) {
      throw new CommandRejectedException(
          Reason.ADMIN_ONLY,
          "type",
          "Only admin tokens may change the org structure (groups, team registration, moves and"
              + " retirements).");
    }
    if (!teamCommand.teamId().equals(caller.teamId())) {
      throw new CommandRejectedException(
          Reason.WRONG_TEAM,
          "teamId",
          "This token submits for team '%s' only, not for '%s'."
              .formatted(caller.teamId(), teamCommand.teamId()));
    }
  }
}
