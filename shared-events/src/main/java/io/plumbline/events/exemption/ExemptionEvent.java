package io.plumbline.events.exemption;

import io.plumbline.events.TeamEvent;

/**
 * An exemption from a criterion granted or revoked by an approver. The family the command side
 * routes on: one practice decides on every event of it.
 */
public sealed interface ExemptionEvent extends TeamEvent
    permits ExemptionGranted, ExemptionRevoked {}
