package io.plumbline.query.campaigns.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A campaign's standing at an instant: the teams in scope, how many met the target, and for each
 * team that has not, what stands between it and the target (its next steps) and whether it is at
 * risk (no progress towards the target in the last 28 days). {@code teamsMetByExemption} are the
 * teams that met it only because an exemption stands. {@code frozen} once the deadline has passed:
 * late facts no longer change it.
 */
public record CampaignProgress(
    String campaignId,
    Instant asOf,
    boolean frozen,
    int teams,
    int met,
    int notMet,
    BigDecimal shareMet,
    int atRisk,
    List<TeamStanding> teamsNotMet,
    List<String> teamsMet,
    List<String> teamsMetByExemption) {

  /** A team in scope that has not met the target. */
  record TeamStanding(
      String teamId,
      String teamName,
      List<String> groupPath,
      int level,
      boolean atRisk,
      List<NextStep> nextSteps) {}

  /** A criterion the team fails on its way to the target, as its explanation states it. */
  record NextStep(
      String criterionId, int level, String description, String detail, List<String> evidence) {}

  /** The share of teams that met it, at one instant. */
  public record Point(Instant at, int teams, int met, BigDecimal shareMet) {}
}
