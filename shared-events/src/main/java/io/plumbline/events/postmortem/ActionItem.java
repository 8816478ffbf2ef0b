package io.plumbline.events.postmortem;

import java.time.Instant;

/** A follow-up a postmortem commits to, due by an instant. */
public record ActionItem(String actionItemId, Instant dueAt) {}
