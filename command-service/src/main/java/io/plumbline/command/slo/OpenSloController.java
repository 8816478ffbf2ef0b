package io.plumbline.command.slo;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reconciles a team's SLOs with the OpenSLO documents of its repository. */
@RestController
class OpenSloController {

  private final CommandGateway commands;
  private final Clock clock;

  OpenSloController(CommandGateway commands, Clock clock) {
    this.commands = commands;
    this.clock = clock;
  }

  /** The body is one or more YAML documents; only {@code kind: SLO} ones are read. */
  @PostMapping(
      value = "/api/v1/teams/{teamId}/openslo",
      consumes = {"application/yaml", "application/x-yaml", "text/plain"})
  ReconcileSlos.Result reconcile(
      @PathVariable String teamId, @RequestBody String yaml, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    if (!caller.isAdmin() && !teamId.equals(caller.teamId())) {
      throw new CommandRejectedException(
          Reason.WRONG_TEAM,
          "teamId",
          "This token manages the SLOs of team '%s' only.".formatted(caller.teamId()));
    }
    List<SloSpec> specs;
    try {
      specs = OpenSloDocuments.parse(yaml);
    } catch (OpenSloDocuments.InvalidDocumentException e) {
      throw new CommandRejectedException(Reason.INVALID_OPENSLO, e.field(), e.getMessage());
    }
    return commands.sendAndWait(
        new ReconcileSlos("reconcile-" + UUID.randomUUID(), teamId, specs, clock.instant()));
  }
}
