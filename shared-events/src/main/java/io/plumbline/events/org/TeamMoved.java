package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A team moved to another group in a reorg. */
@EventRevision("1")
public record TeamMoved(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String fromGroupId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String toGroupId,
    @NotNull Instant occurredAt)
    implements TeamLifecycleEvent {}
