package io.plumbline.events.postmortem;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A postmortem was published for one of the team's incidents; {@code occurredAt} is the publication
 * instant. {@code involvedTeamIds} are the other teams that took part.
 */
@EventRevision("1")
public record PostmortemPublished(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String postmortemId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String incidentId,
    @NotNull boolean blameless,
    @NotNull @Size(max = 100) List<@NotNull @Valid ActionItem> actionItems,
    @NotNull @Size(max = 50)
        List<@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String>
            involvedTeamIds,
    @NotNull Instant occurredAt)
    implements PostmortemEvent {

  public PostmortemPublished {
    actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    involvedTeamIds = involvedTeamIds == null ? List.of() : List.copyOf(involvedTeamIds);
  }
}
