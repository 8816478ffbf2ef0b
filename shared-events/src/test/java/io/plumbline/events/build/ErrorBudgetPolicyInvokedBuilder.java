package io.plumbline.events.build;

import io.plumbline.events.slo.BudgetAction;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds an {@link ErrorBudgetPolicyInvoked}: by default checkout froze releases. */
public final class ErrorBudgetPolicyInvokedBuilder {

  private Supplier<String> eventId = Defaults::nextEventId;
  private String teamId = Defaults.TEAM_ID;
  private String sloId = Defaults.SLO_ID;
  private BudgetAction action = BudgetAction.RELEASE_FREEZE;
  private Instant occurredAt = Defaults.OCCURRED_AT;

  private ErrorBudgetPolicyInvokedBuilder() {}

  public static ErrorBudgetPolicyInvokedBuilder anErrorBudgetPolicyInvoked() {
    return new ErrorBudgetPolicyInvokedBuilder();
  }

  public ErrorBudgetPolicyInvokedBuilder withEventId(String eventId) {
    this.eventId = () -> eventId;
    return this;
  }

  public ErrorBudgetPolicyInvokedBuilder withTeamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  public ErrorBudgetPolicyInvokedBuilder withSloId(String sloId) {
    this.sloId = sloId;
    return this;
  }

  public ErrorBudgetPolicyInvokedBuilder withAction(BudgetAction action) {
    this.action = action;
    return this;
  }

  public ErrorBudgetPolicyInvokedBuilder withOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public ErrorBudgetPolicyInvoked build() {
    return new ErrorBudgetPolicyInvoked(eventId.get(), teamId, sloId, action, occurredAt);
  }
}
