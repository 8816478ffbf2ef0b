package io.plumbline.events.postmortem;

import io.plumbline.events.TeamEvent;

/**
 * A fact of the postmortem practice: an incident, its postmortem, an action item closed. The family
 * the command side routes on: one practice decides on every event of it.
 */
public sealed interface PostmortemEvent extends TeamEvent
    permits IncidentRecorded, PostmortemPublished, ActionItemClosed {}
