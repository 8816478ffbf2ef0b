package io.plumbline.command.group;

import io.plumbline.command.common.AggregateCommand;
import io.plumbline.command.common.AggregateIds;
import io.plumbline.events.org.GroupDefined;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A group definition, handed to the group as it was submitted (and validated at the edge). */
public record GroupSubmission(GroupDefined event) implements AggregateCommand {

  @Override
  @TargetAggregateIdentifier
  public String aggregateId() {
    return AggregateIds.group(event.groupId());
  }
}
