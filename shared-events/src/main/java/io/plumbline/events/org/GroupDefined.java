package io.plumbline.events.org;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.plumbline.events.EventRevision;
import io.plumbline.events.PlumblineEvent;
import java.time.Instant;

/**
 * A group (department, tribe) was defined or renamed, under an optional parent group. Group events
 * carry no team; they are keyed by the group.
 */
@EventRevision("1")
public record GroupDefined(
    String eventId, String groupId, String name, String parentGroupId, Instant occurredAt)
    implements PlumblineEvent {

  @Override
  @JsonIgnore
  public String partitionKey() {
    return "group:" + groupId;
  }
}
