package io.plumbline.events.exemption;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * An exemption ended before its expiry: from {@code occurredAt} on, the criterion is judged again.
 */
@EventRevision("1")
public record ExemptionRevoked(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String exemptionId,
    @NotNull Instant occurredAt)
    implements ExemptionEvent {}
