package io.plumbline.events.org;

import io.plumbline.events.TeamEvent;

/**
 * A fact about one of a team's services: registered, its tier changed, retired. The family the
 * command side routes on: one practice decides on every event of it.
 */
public sealed interface ServiceEvent extends TeamEvent
    permits ServiceRegistered, ServiceTierChanged, ServiceRetired {}
