package io.plumbline.events.build;

import io.plumbline.events.org.GroupDefined;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a {@link GroupDefined}: by default the payments group, at the top of the tree. */
public final class GroupDefinedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String groupId = Defaults.GROUP_ID;
  private String name = "Payments";
  private String parentGroupId = null;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private GroupDefinedBuilder() {}

  public static GroupDefinedBuilder aGroupDefined() {
    return new GroupDefinedBuilder();
  }

  public GroupDefinedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public GroupDefinedBuilder withGroupId(String groupId) {
    this.groupId = groupId;
    return this;
  }

  public GroupDefinedBuilder withName(String name) {
    this.name = name;
    return this;
  }

  public GroupDefinedBuilder withParentGroupId(String parentGroupId) {
    this.parentGroupId = parentGroupId;
    return this;
  }

  public GroupDefinedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public GroupDefined build() {
    return new GroupDefined(eventId.get(), groupId, name, parentGroupId, occurredAt);
  }
}
