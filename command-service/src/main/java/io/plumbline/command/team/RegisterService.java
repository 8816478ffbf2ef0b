package io.plumbline.command.team;

import io.plumbline.command.common.Ids;
import io.plumbline.command.common.TeamCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a service the team owns, with its tier (1 = most critical … 3). */
public record RegisterService(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String serviceId,
    @NotBlank @Size(max = 200) String name,
    @NotNull Integer tier,
    @NotNull Instant occurredAt)
    implements TeamCommand {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Team.aggregateId(teamId);
  }
}
