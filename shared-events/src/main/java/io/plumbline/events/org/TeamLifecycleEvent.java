package io.plumbline.events.org;

import io.plumbline.events.TeamEvent;

/**
 * A fact about a team's own life: registered, moved to another group, retired. The family the
 * command side routes on: one practice decides on every event of it.
 */
public sealed interface TeamLifecycleEvent extends TeamEvent
    permits TeamRegistered, TeamMoved, TeamRetired {}
