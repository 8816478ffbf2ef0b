package io.plumbline.command.group;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Answers whether a group exists, for commands of other aggregates that refer to one. */
@Component
public class GroupDirectory {

  private final EventStore eventStore;

  public GroupDirectory(EventStore eventStore) {
    this.eventStore = eventStore;
  }

  public boolean exists(String groupId) {
    return eventStore.lastSequenceNumberFor(Group.aggregateId(groupId)).isPresent();
  }
}
