package io.plumbline.command.toil;

import io.plumbline.command.common.Ids;
import io.plumbline.command.common.TeamCommand;
import io.plumbline.command.team.Team;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Report toil hours and operational hours for a period. */
public record MeasureToil(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotNull Instant periodStart,
    @NotNull Instant periodEnd,
    @NotNull BigDecimal toilHours,
    @NotNull BigDecimal opsHours,
    @NotNull Instant occurredAt)
    implements TeamCommand {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return Team.aggregateId(teamId);
  }
}
