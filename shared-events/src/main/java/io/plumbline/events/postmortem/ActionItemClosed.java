package io.plumbline.events.postmortem;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * A postmortem action item was closed at {@code occurredAt}; on time when that is no later than its
 * due instant.
 */
@EventRevision("1")
public record ActionItemClosed(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String postmortemId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String actionItemId,
    @NotNull boolean shippedImprovement,
    @NotNull Instant occurredAt)
    implements PostmortemEvent {}
