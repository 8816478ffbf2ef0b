package io.plumbline.events.runbook;

import io.plumbline.events.TeamEvent;

/**
 * A fact of the runbook practice: a service's alerts, a runbook published, reviewed or retired. The
 * family the command side routes on: one practice decides on every event of it.
 */
public sealed interface RunbookEvent extends TeamEvent
    permits AlertInventoryReported, RunbookPublished, RunbookRetired, RunbookReviewed {}
