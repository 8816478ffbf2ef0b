package io.plumbline.events.postmortem;

import io.plumbline.events.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A follow-up a postmortem commits to, due by an instant. */
public record ActionItem(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String actionItemId,
    @NotNull Instant dueAt) {}
