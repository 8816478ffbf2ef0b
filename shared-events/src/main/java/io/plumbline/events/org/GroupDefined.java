package io.plumbline.events.org;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import io.plumbline.events.Names;
import io.plumbline.events.PlumblineEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A group (department, tribe) was defined or renamed, under an optional parent group. Group events
 * carry no team; they are keyed by the group.
 */
@EventRevision("1")
public record GroupDefined(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String groupId,
    @NotBlank @Size(max = 200) @Pattern(regexp = Names.PATTERN, message = Names.PATTERN_MESSAGE)
        String name,
    @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String parentGroupId,
    @NotNull Instant occurredAt)
    implements PlumblineEvent {

  @Override
  @JsonIgnore
  public String partitionKey() {
    return "group:" + groupId;
  }
}
