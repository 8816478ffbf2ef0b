package io.plumbline.events.exemption;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import io.plumbline.events.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An approver exempted the team from one criterion of the rubric (one of {@link RubricCriteria}),
 * for a reason, from {@code occurredAt} until {@code expiresAt} (exclusive) unless revoked before.
 * While it stands the criterion passes by exemption, visibly.
 */
@EventRevision("1")
public record ExemptionGranted(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String exemptionId,
    @NotBlank @Size(max = 100) String criterionId,
    @NotBlank @Size(max = 1000) @Pattern(regexp = Names.PATTERN, message = Names.PATTERN_MESSAGE)
        String reason,
    @NotBlank @Size(max = 200) @Pattern(regexp = Names.PATTERN, message = Names.PATTERN_MESSAGE)
        String approvedBy,
    @NotNull Instant expiresAt,
    @NotNull Instant occurredAt)
    implements ExemptionEvent {}
