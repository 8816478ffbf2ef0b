package io.plumbline.command.postmortem;

import io.plumbline.command.common.Ids;
import io.plumbline.command.common.TeamCommand;
import io.plumbline.command.team.Team;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an incident the team handled, from start to resolution. */
public record RecordIncident(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String incidentId,
    @NotNull io.plumbline.events.postmortem.Severity severity,
    @NotNull Instant startedAt,
    @NotNull Instant resolvedAt,
    @NotNull Instant occurredAt)
    implements TeamCommand {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Team.aggregateId(teamId);
  }
}
