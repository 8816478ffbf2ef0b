package io.plumbline.command.slo.web;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.security.Caller;
import io.plumbline.command.slo.ReconcileSlos;
import io.plumbline.command.slo.openslo.Document;
import io.plumbline.command.slo.openslo.OpenSloDocuments;
import io.plumbline.command.slo.openslo.Outcome;
import io.plumbline.command.slo.openslo.Reading;
import io.plumbline.command.slo.openslo.SourceFile;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Reconciles a team's SLOs with its OpenSLO files: reads every document, has the team plan (and
 * unless on a dry run store) the SLOs they describe, and refuses the whole unless all went well.
 */
@Component
class SloReconciliation {

  /** At most so many files in one reconciliation. */
  private static final int MAX_FILES = 500;

  private final CommandGateway commands;
  private final Clock clock;

  SloReconciliation(CommandGateway commands, Clock clock) {
    this.commands = commands;
    this.clock = clock;
  }

  Map<String, Object> reconcile(
      String teamId, List<SourceFile> files, boolean dryRun, Caller caller) {
    if (!caller.isAdmin() && !teamId.equals(caller.teamId())) {
      throw new CommandRejectedException(
          Reason.WRONG_TEAM,
          "teamId",
          "This token manages the SLOs of team '%s' only.".formatted(caller.teamId()));
    }
    if (files.isEmpty()) {
      throw new CommandRejectedException(
          Reason.NO_SLOS,
          "files",
          "No file was sent; nothing was changed. Send the team's OpenSLO files.");
    }
    if (files.size() > MAX_FILES) {
      throw new CommandRejectedException(
          Reason.INVALID_OPENSLO,
          "files",
          "At most %d files at once, not %d.".formatted(MAX_FILES, files.size()));
    }
    // in the order of their names, so that a plan does not depend on how a directory was walked
    Reading reading =
        OpenSloDocuments.read(
            files.stream().sorted(Comparator.comparing(SourceFile::name)).toList());
    if (reading.anyRefused()) {
      List<Document> refused =
          reading.documents().stream().filter(d -> d.outcome() == Outcome.REFUSED).toList();
      throw new CommandRejectedException(
          Reason.INVALID_OPENSLO,
          refused.get(0).field(),
          "Nothing was changed: %d of %d documents could not be read. %s"
              .formatted(refused.size(), reading.documents().size(), summary(refused)),
          Map.of("documents", ReconciliationAnswer.documents(reading, null)));
    }
    if (reading.slos().isEmpty()) {
      throw new CommandRejectedException(
          Reason.NO_SLOS,
          null,
          "The files describe no SLO, so reconciling them would retire every SLO they manage;"
              + " nothing was changed. To retire an SLO, submit an SloRetired event.",
          Map.of("documents", ReconciliationAnswer.documents(reading, null)));
    }
    ReconcileSlos.Result result =
        commands.sendAndWait(
            new ReconcileSlos(
                "reconcile-" + UUID.randomUUID(),
                teamId,
                List.copyOf(reading.slos().values()),
                clock.instant(),
                dryRun));
    if (!result.refused().isEmpty()) {
      ReconcileSlos.Refusal first = result.refused().get(0);
      throw new CommandRejectedException(
          first.reason(),
          first.field(),
          "Nothing was changed: %s"
              .formatted(
                  result.refused().stream()
                      .map(r -> where(reading, r) + r.message())
                      .collect(Collectors.joining(" "))),
          Map.of(
              "documents",
              ReconciliationAnswer.documents(reading, result),
              "refused",
              ReconciliationAnswer.refusals(reading, result)));
    }
    return ReconciliationAnswer.of(reading, result, dryRun);
  }

  private static String where(Reading reading, ReconcileSlos.Refusal refusal) {
    Document source = reading.sources().get(refusal.sloId());
    return source == null ? "" : source.where() + ": ";
  }

  /** The first few unreadable documents, where each is and why. */
  private static String summary(List<Document> refused) {
    String named =
        refused.stream()
            .limit(3)
            .map(d -> d.where() + ": " + d.detail())
            .collect(Collectors.joining(" "));
    return refused.size() > 3 ? named + " (and %d more)".formatted(refused.size() - 3) : named;
  }
}
