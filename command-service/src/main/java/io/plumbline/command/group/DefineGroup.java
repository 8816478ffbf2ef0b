package io.plumbline.command.group;

import io.plumbline.command.common.EvidenceCommand;
import io.plumbline.command.common.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a group, or rename one; a group's parent is fixed once defined. */
public record DefineGroup(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String groupId,
    @NotBlank @Size(max = 200) String name,
    @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String parentGroupId,
    @NotNull Instant occurredAt)
    implements EvidenceCommand {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Group.aggregateId(groupId);
  }
}
