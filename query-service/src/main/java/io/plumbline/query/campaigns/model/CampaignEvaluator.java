package io.plumbline.query.campaigns.model;

import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.org.model.GroupTree;
import io.plumbline.query.rubric.model.Criterion;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.model.Practice;
import io.plumbline.query.rubric.model.PracticeResult;
import io.plumbline.query.rubric.model.TeamMaturity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where each team in a campaign's scope stands against its target at an instant: the rubric
 * evaluated from the team's facts as of then, the org tree as it stood then.
 */
public final class CampaignEvaluator {

  /** A team that has not moved towards the target in this long is at risk. */
  static final Duration AT_RISK_AFTER = Duration.ofDays(28);

  private CampaignEvaluator() {}

  public static CampaignProgress progress(
      Campaign campaign,
      List<TeamFacts> teams,
      MaturityEvaluator evaluator,
      GroupTree tree,
      Instant asOf,
      boolean frozen) {
    List<CampaignProgress.TeamStanding> notMet = new ArrayList<>();
    List<String> met = new ArrayList<>();
    List<String> byExemption = new ArrayList<>();
    for (TeamFacts facts : teams) {
      if (!inScope(campaign, facts, tree, asOf)) {
        continue;
      }
      TeamMaturity now = evaluator.evaluate(facts, asOf);
      PracticeResult result = now.practices().get(practiceOf(campaign));
      if (meets(campaign, result)) {
        met.add(facts.teamId());
        if (metByExemption(campaign, result)) {
          byExemption.add(facts.teamId());
        }
        continue;
      }
      PracticeResult before =
          evaluator
              .evaluate(facts, asOf.minus(AT_RISK_AFTER))
              .practices()
              .get(practiceOf(campaign));
      boolean atRisk = !progressed(campaign, before, result);
      String group = facts.groupAt(asOf).orElseThrow();
      notMet.add(
          new CampaignProgress.TeamStanding(
              facts.teamId(),
              facts.name(asOf).orElse(facts.teamId()),
              tree.path(group),
              result.level(),
              atRisk,
              nextSteps(campaign, result)));
    }
    notMet.sort(Comparator.comparing(CampaignProgress.TeamStanding::teamId));
    met.sort(Comparator.naturalOrder());
    byExemption.sort(Comparator.naturalOrder());
    int total = met.size() + notMet.size();
    return new CampaignProgress(
        campaign.campaignId(),
        asOf,
        frozen,
        total,
        met.size(),
        notMet.size(),
        share(met.size(), total),
        (int) notMet.stream().filter(CampaignProgress.TeamStanding::atRisk).count(),
        notMet,
        met,
        byExemption);
  }

  /** Whether the target is met only because an exemption stands for a criterion it needs. */
  private static boolean metByExemption(Campaign campaign, PracticeResult result) {
    return result.criteria().stream()
        .filter(Criterion::passedByExemption)
        .anyMatch(
            c ->
                campaign.criterionId() != null
                    ? c.id().equals(campaign.criterionId())
                    : c.level() <= campaign.level());
  }

  /** How many teams were in scope and met the target at an instant, without the detail. */
  public static CampaignProgress.Point point(
      Campaign campaign,
      List<TeamFacts> teams,
      MaturityEvaluator evaluator,
      GroupTree tree,
      Instant at) {
    int total = 0;
    int met = 0;
    for (TeamFacts facts : teams) {
      if (inScope(campaign, facts, tree, at)) {
        total++;
        if (meets(campaign, evaluator.evaluate(facts, at).practices().get(practiceOf(campaign)))) {
          met++;
        }
      }
    }
    return new CampaignProgress.Point(at, total, met, share(met, total));
  }

  static Practice practiceOf(Campaign campaign) {
    String name =
        campaign.criterionId() != null
            ? campaign.criterionId().substring(0, campaign.criterionId().indexOf('.'))
            : campaign.practice();
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "slo", "slos" -> Practice.SLOS;
      case "postmortem", "postmortems" -> Practice.POSTMORTEMS;
      case "runbook", "runbooks" -> Practice.RUNBOOKS;
      case "toil" -> Practice.TOIL;
      default -> throw new IllegalArgumentException("No practice " + name);
    };
  }

  private static boolean inScope(Campaign campaign, TeamFacts facts, GroupTree tree, Instant at) {
    if (!facts.activeAt(at)) {
      return false;
    }
    String group = facts.groupAt(at).orElseThrow();
    return (campaign.groupId() == null || tree.within(group, campaign.groupId()))
        && (campaign.tier() == null
            || facts.activeServices(at).values().stream()
                .anyMatch(s -> s.tier() == campaign.tier()));
  }

  private static boolean meets(Campaign campaign, PracticeResult result) {
    return campaign.criterionId() != null
        ? criterion(result, campaign.criterionId()).map(Criterion::passed).orElse(false)
        : result.level() >= campaign.level();
  }

  /** Whether the team moved towards the target since then. */
  private static boolean progressed(Campaign campaign, PracticeResult before, PracticeResult now) {
    return campaign.criterionId() != null
        ? meets(campaign, now) && !meets(campaign, before)
        : now.level() > before.level();
  }

  /** The failed criteria between the team's level and the target (or the target criterion). */
  private static List<CampaignProgress.NextStep> nextSteps(
      Campaign campaign, PracticeResult result) {
    return result.criteria().stream()
        .filter(c -> !c.passed())
        .filter(
            c ->
                campaign.criterionId() != null
                    ? c.id().equals(campaign.criterionId())
                    : c.level() > result.level() && c.level() <= campaign.level())
        .map(
            c ->
                new CampaignProgress.NextStep(
                    c.id(), c.level(), c.description(), c.detail(), c.evidence()))
        .toList();
  }

  private static Optional<Criterion> criterion(PracticeResult result, String id) {
    return result.criteria().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  private static BigDecimal share(int part, int whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
  }
}
