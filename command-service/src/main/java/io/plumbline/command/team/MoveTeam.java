package io.plumbline.command.team;

import io.plumbline.command.common.Ids;
import io.plumbline.command.common.TeamCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move the team to another existing group (a reorg). */
public record MoveTeam(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String toGroupId,
    @NotNull Instant occurredAt)
    implements TeamCommand {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Team.aggregateId(teamId);
  }
}
