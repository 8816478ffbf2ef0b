package io.plumbline.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.plumbline.command.common.AggregateIds;
import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.EventIds;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.common.Reason;
import io.plumbline.events.org.GroupDefined;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A node of the org tree. Its parent must exist first, so the tree cannot hold a cycle. */
@Aggregate
public class Group {

  @AggregateIdentifier private String aggregateId;
  private String parentGroupId;
  private final EventIds eventIds = new EventIds();

  protected Group() {}

  static String aggregateId(String groupId) {
    return AggregateIds.group(groupId);
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Outcome handle(GroupSubmission submission, GroupDirectory groups) {
    GroupDefined event = submission.event();
    if (eventIds.isRepeat(event)) {
      return Outcome.DUPLICATE;
    }
    if (event.groupId().equals(event.parentGroupId())) {
      throw new CommandRejectedException(
          Reason.SELF_PARENT, "parentGroupId", "A group cannot be its own parent.");
    }
    boolean defined = aggregateId != null;
    if (defined && !Objects.equals(parentGroupId, event.parentGroupId())) {
      throw new CommandRejectedException(
          Reason.GROUP_PARENT_CHANGED,
          "parentGroupId",
          "Group '%s' already has parent '%s'; moving a group is not supported yet."
              .formatted(event.groupId(), parentGroupId));
    }
    if (!defined && event.parentGroupId() != null && !groups.exists(event.parentGroupId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_GROUP,
          "parentGroupId",
          "Parent group '%s' does not exist.".formatted(event.parentGroupId()));
    }
    apply(event);
    return Outcome.ACCEPTED;
  }

  @EventSourcingHandler
  void on(GroupDefined event) {
    aggregateId = aggregateId(event.groupId());
    parentGroupId = event.parentGroupId();
    eventIds.record(event);
  }
}
