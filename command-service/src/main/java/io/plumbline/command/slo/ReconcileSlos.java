package io.plumbline.command.slo;

import io.plumbline.command.common.AggregateCommand;
import io.plumbline.command.common.AggregateIds;
import io.plumbline.command.common.Reason;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make the team's OpenSLO-managed SLOs match the given specs: define new ones, redefine changed
 * ones, retire the ones no longer described. SLOs defined by single events are left alone. A dry
 * run answers the plan and stores nothing.
 */
public record ReconcileSlos(
    String eventId, String teamId, List<SloSpec> specs, Instant occurredAt, boolean dryRun)
    implements AggregateCommand {

  public ReconcileSlos {
    specs = List.copyOf(specs);
  }

  @TargetAggregateIdentifier
  @Override
  public String aggregateId() {
    return AggregateIds.team(teamId);
  }

  /** What a reconciliation changed, or would change; {@code stored} says whether it did. */
  public record Result(
      List<String> defined,
      List<String> redefined,
      List<String> retired,
      List<String> unchanged,
      List<Refusal> refused,
      boolean stored) {}

  /** Why an SLO could not be defined or retired as the documents say. */
  public record Refusal(String sloId, Reason reason, String field, String message) {}
}
