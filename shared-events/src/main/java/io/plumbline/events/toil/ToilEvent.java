package io.plumbline.events.toil;

import io.plumbline.events.TeamEvent;

/**
 * A fact of the toil practice: toil measured, an automation shipped. The family the command side
 * routes on: one practice decides on every event of it.
 */
public sealed interface ToilEvent extends TeamEvent permits ToilMeasured, ToilAutomationShipped {}
