package io.plumbline.command.slo;

import io.plumbline.command.common.Ids;
import io.plumbline.command.common.TeamCommand;
import io.plumbline.command.team.Team;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the team reviewed one of its active SLOs. */
public record ReviewSlo(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String sloId,
    @NotNull Instant occurredAt)
    implements TeamCommand {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Team.aggregateId(teamId);
  }
}
