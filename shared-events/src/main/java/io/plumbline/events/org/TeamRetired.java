package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A team was retired; it leaves rollups from this instant on. */
@EventRevision("1")
public record TeamRetired(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotNull Instant occurredAt)
    implements TeamLifecycleEvent {}
