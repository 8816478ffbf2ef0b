package io.plumbline.command.team;

import io.plumbline.command.common.AggregateCommand;
import io.plumbline.command.common.AggregateIds;
import io.plumbline.events.TeamEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A fact a team submits, handed to the team as it was submitted (and validated at the edge). */
public record TeamSubmission(TeamEvent event) implements AggregateCommand {

  @Override
  @TargetAggregateIdentifier
  public String aggregateId() {
    return AggregateIds.team(event.teamId());
  }
}
