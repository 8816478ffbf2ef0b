package io.plumbline.query.campaigns.store;

import io.plumbline.query.campaigns.model.Campaign;
import io.plumbline.query.campaigns.model.CampaignEvaluator;
import io.plumbline.query.campaigns.model.CampaignProgress;
import io.plumbline.query.campaigns.model.CampaignStatus;
import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.facts.store.TeamFactsReader;
import io.plumbline.query.org.store.OrgTree;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.store.ActiveRubric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Campaigns' progress evaluated from the teams' facts at the instant asked, under the rubric in
 * force; at or after the deadline, the result as of the deadline, frozen the first time it is asked
 * for or checked.
 */
@Component
public class CampaignProgressReader {

  /** Weekly points cover at most a year before the deadline (or now). */
  static final int MAX_POINTS = 53;

  private final CampaignStore campaigns;
  private final TeamFactsReader facts;
  private final OrgTree org;
  private final ActiveRubric rubric;
  private final Clock clock;

  CampaignProgressReader(
      CampaignStore campaigns,
      TeamFactsReader facts,
      OrgTree org,
      ActiveRubric rubric,
      Clock clock) {
    this.campaigns = campaigns;
    this.facts = facts;
    this.org = org;
    this.rubric = rubric;
    this.clock = clock;
  }

  /** The campaign's progress at an instant (now by default). */
  public CampaignProgress progress(Campaign campaign, Optional<Instant> asOf) {
    return progress(campaign, asOf.orElse(clock.instant()), this::loadAll);
  }

  /** Every campaign's progress now, reading every team's facts once for all of them. */
  public List<CampaignProgress> progressNow(List<Campaign> all) {
    Instant now = clock.instant();
    Facts teams = new Facts();
    return all.stream().map(c -> progress(c, now, teams)).toList();
  }

  /** The share of teams that met the target week by week, to now or the deadline. */
  public List<CampaignProgress.Point> points(Campaign campaign) {
    Instant end = min(clock.instant(), campaign.deadline());
    Instant start = campaign.createdAt().isBefore(end) ? campaign.createdAt() : end;
    Instant earliest = end.minus(Duration.ofDays(7L * (MAX_POINTS - 1)));
    if (start.isBefore(earliest)) {
      start = earliest;
    }
    List<TeamFacts> teams = loadAll();
    MaturityEvaluator evaluator = rubric.evaluator();
    List<CampaignProgress.Point> points = new ArrayList<>();
    for (Instant at = start; at.isBefore(end); at = at.plus(Duration.ofDays(7))) {
      points.add(CampaignEvaluator.point(campaign, teams, evaluator, org.asOf(at), at));
    }
    CampaignProgress result = campaign.result();
    points.add(
        result != null && end.equals(campaign.deadline())
            // the deadline's point is the frozen result, as every other read answers it
            ? new CampaignProgress.Point(end, result.teams(), result.met(), result.shareMet())
            : CampaignEvaluator.point(campaign, teams, evaluator, org.asOf(end), end));
    return points;
  }

  /**
   * Every campaign over the group (or one of its subgroups; the org: every campaign), as of an
   * instant: the frozen result for those whose deadline came before it.
   */
  public List<CampaignStatus> statusAt(Instant asOf, String groupId) {
    List<CampaignStatus> statuses = new ArrayList<>();
    var tree = org.asOf(asOf);
    Facts teams = new Facts();
    for (Campaign campaign : campaigns.all()) {
      if (groupId != null
          && (campaign.groupId() == null || !tree.within(campaign.groupId(), groupId))) {
        continue;
      }
      CampaignProgress progress = progress(campaign, asOf, teams);
      statuses.add(
          new CampaignStatus(
              campaign.campaignId(),
              campaign.name(),
              campaign.target(),
              campaign.groupId(),
              campaign.tier(),
              campaign.deadline(),
              progress.frozen(),
              progress.teams(),
              progress.met(),
              progress.atRisk()));
    }
    return statuses;
  }

  /** Freezes the result of every campaign whose deadline has passed. */
  public void freezeDue() {
    Facts teams = new Facts();
    campaigns.dueToFreeze(clock.instant()).forEach(campaign -> freeze(campaign, teams.get()));
  }

  private CampaignProgress progress(
      Campaign campaign, Instant at, Supplier<List<TeamFacts>> teams) {
    if (at.isBefore(campaign.deadline())) {
      return evaluate(campaign, at, false, teams.get());
    }
    return campaign.result() != null ? campaign.result() : freeze(campaign, teams.get());
  }

  private CampaignProgress freeze(Campaign campaign, List<TeamFacts> teams) {
    return campaigns.freeze(
        campaign.campaignId(), evaluate(campaign, campaign.deadline(), true, teams));
  }

  private CampaignProgress evaluate(
      Campaign campaign, Instant at, boolean frozen, List<TeamFacts> teams) {
    return CampaignEvaluator.progress(
        campaign, teams, rubric.evaluator(), org.asOf(at), at, frozen);
  }

  private List<TeamFacts> loadAll() {
    List<TeamFacts> teams = new ArrayList<>();
    for (String teamId : facts.teamIds()) {
      facts.load(teamId).ifPresent(teams::add);
    }
    return teams;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Every team's facts, read on first use. */
  private final class Facts implements Supplier<List<TeamFacts>> {
    private List<TeamFacts> teams;

    @Override
    public List<TeamFacts> get() {
      if (teams == null) {
        teams = loadAll();
      }
      return teams;
    }
  }
}
