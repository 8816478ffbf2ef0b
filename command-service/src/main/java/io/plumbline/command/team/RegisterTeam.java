package io.plumbline.command.team;

import io.plumbline.command.common.Ids;
import io.plumbline.command.common.TeamCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a team in an existing group. */
public record RegisterTeam(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String groupId,
    @NotNull Instant occurredAt)
    implements TeamCommand {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Team.aggregateId(teamId);
  }
}
