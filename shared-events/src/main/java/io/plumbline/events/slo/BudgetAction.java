package io.plumbline.events.slo;

/** What a team did when an error budget ran out. */
public enum BudgetAction {
  RELEASE_FREEZE,
  RELIABILITY_SPRINT,
  OTHER
}
