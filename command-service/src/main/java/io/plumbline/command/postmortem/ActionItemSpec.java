package io.plumbline.command.postmortem;

import io.plumbline.command.common.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** An action item as submitted with its postmortem. */
public record ActionItemSpec(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String actionItemId,
    @NotNull Instant dueAt) {}
