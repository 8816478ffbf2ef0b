package io.plumbline.events.slo;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;

/** An SLO's error budget ran out and the team acted on its policy. */
@EventRevision("1")
public record ErrorBudgetPolicyInvoked(
    String eventId, String teamId, String sloId, BudgetAction action, Instant occurredAt)
    implements TeamEvent {}
