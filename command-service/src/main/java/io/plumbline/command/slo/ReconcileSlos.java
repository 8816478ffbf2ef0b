package io.plumbline.command.slo;

import io.plumbline.command.common.AggregateCommand;
import io.plumbline.command.common.AggregateIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make the team's OpenSLO-managed SLOs match the given specs: define new ones, redefine changed
 * ones, retire the ones no longer described. SLOs defined by single events are left alone.
 */
public record ReconcileSlos(String eventId, String teamId, List<SloSpec> specs, Instant occurredAt)
    implements AggregateCommand {

  public ReconcileSlos {
    specs = List.copyOf(specs);
  }

  @TargetAggregateIdentifier
  @Override
  public String aggregateId() {
    return AggregateIds.team(teamId);
  }

  /** What a reconciliation changed. */
  public record Result(
      List<String> defined, List<String> redefined, List<String> retired, List<String> unchanged) {}
}
