package io.plumbline.events.slo;

import io.plumbline.events.TeamEvent;

/**
 * A fact of the SLO practice: an SLO defined, retired or reviewed, its error-budget policy invoked.
 * The family the command side routes on: one practice decides on every event of it.
 */
public sealed interface SloEvent extends TeamEvent
    permits SloDefined, SloRetired, SloReviewed, ErrorBudgetPolicyInvoked {}
