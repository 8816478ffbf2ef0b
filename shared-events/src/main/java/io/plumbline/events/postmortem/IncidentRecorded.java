package io.plumbline.events.postmortem;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** An incident the team handled, from its start to its resolution. */
@EventRevision("1")
public record IncidentRecorded(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String incidentId,
    @NotNull Severity severity,
    @NotNull Instant startedAt,
    @NotNull Instant resolvedAt,
    @NotNull Instant occurredAt)
    implements PostmortemEvent {}
