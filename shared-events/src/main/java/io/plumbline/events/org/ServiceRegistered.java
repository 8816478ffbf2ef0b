package io.plumbline.events.org;

import io.plumbline.events.EventRevision;
import io.plumbline.events.Ids;
import io.plumbline.events.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A service owned by the team was registered with its tier (1 = most critical … 3). */
@EventRevision("1")
public record ServiceRegistered(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String eventId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String serviceId,
    @NotBlank @Size(max = 200) @Pattern(regexp = Names.PATTERN, message = Names.PATTERN_MESSAGE)
        String name,
    @NotNull int tier,
    @NotNull Instant occurredAt)
    implements ServiceEvent {}
