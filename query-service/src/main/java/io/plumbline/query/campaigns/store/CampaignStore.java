package io.plumbline.query.campaigns.store;

import io.plumbline.events.exemption.RubricCriteria;
import io.plumbline.query.campaigns.model.Campaign;
import io.plumbline.query.campaigns.model.CampaignEvaluator;
import io.plumbline.query.campaigns.model.CampaignProgress;
import io.plumbline.query.campaigns.model.CampaignStatus;
import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.facts.store.TeamFactsReader;
import io.plumbline.query.org.store.OrgTree;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.rubric.model.MaturityEvaluator;
import io.plumbline.query.rubric.store.ActiveRubric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The campaigns leadership set, stored in MongoDB so that every replica reads the same ones; their
 * progress evaluated from the facts at the instant asked; their result frozen once, as of the
 * deadline, by whichever replica gets there first (a write conditional on no result yet).
 */
@Component
public class CampaignStore {

  /** CampaignStore are few: this bounds the series they export. */
  static final int MAX_CAMPAIGNS = 50;

  /** Weekly points cover at most a year before the deadline (or now). */
  static final int MAX_POINTS = 53;

  private static final Set<String> PRACTICES = Set.of("slos", "postmortems", "runbooks", "toil");

  private final MongoTemplate mongo;
  private final TeamFactsReader facts;
  private final OrgTree org;
  private final ActiveRubric rubric;
  private final Clock clock;

  CampaignStore(
      MongoTemplate mongo, TeamFactsReader facts, OrgTree org, ActiveRubric rubric, Clock clock) {
    this.mongo = mongo;
    this.facts = facts;
    this.org = org;
    this.rubric = rubric;
    this.clock = clock;
  }

  /** What an admin sends to set a campaign. */
  public record Spec(
      String name,
      String groupId,
      Integer tier,
      String practice,
      Integer level,
      String criterionId,
      Instant deadline) {}

  /**
   * Sets the campaign (a new one, or one replaced), after checking that it names something.
   *
   * @return whether it is new
   */
  public boolean set(String campaignId, Spec spec) {
    Instant now = clock.instant();
    check(spec, now);
    Campaign existing = mongo.findById(campaignId, Campaign.class);
    if (existing == null && mongo.count(new Query(), Campaign.class) >= MAX_CAMPAIGNS) {
      throw invalid(
          "campaignId",
          "There are already %d campaigns, the most Plumbline keeps; remove one first."
              .formatted(MAX_CAMPAIGNS));
    }
    mongo.save(
        new Campaign(
            campaignId,
            spec.name(),
            spec.groupId(),
            spec.tier(),
            spec.practice(),
            spec.level(),
            spec.criterionId(),
            // to the millisecond, as MongoDB keeps it, so that what is answered is what is kept
            spec.deadline().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
            existing == null
                ? now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                : existing.createdAt(),
            null));
    return existing == null;
  }

  public boolean remove(String campaignId) {
    return mongo
            .remove(Query.query(Criteria.where("_id").is(campaignId)), Campaign.class)
            .getDeletedCount()
        > 0;
  }

  public List<Campaign> all() {
    return mongo.findAll(Campaign.class).stream()
        .sorted(Comparator.comparing(Campaign::deadline).thenComparing(Campaign::campaignId))
        .toList();
  }

  public Campaign find(String campaignId) {
    Campaign campaign = mongo.findById(campaignId, Campaign.class);
    if (campaign == null) {
      throw new RequestRefused(
          RequestRefused.Kind.NOT_FOUND,
          "unknown-campaign",
          "campaignId",
          "There is no campaign '%s'.".formatted(campaignId));
    }
    return campaign;
  }

  /**
   * The campaign's progress at an instant (now by default). At or after the deadline, the result as
   * of the deadline, frozen the first time it is asked for or checked.
   */
  public CampaignProgress progress(Campaign campaign, Optional<Instant> asOf) {
    return progress(campaign, asOf.orElse(clock.instant()), this::loadAll);
  }

  /** Every campaign's progress now, reading every team's facts once for all of them. */
  public List<CampaignProgress> progressNow(List<Campaign> campaigns) {
    Instant now = clock.instant();
    Facts teams = new Facts();
    return campaigns.stream().map(c -> progress(c, now, teams)).toList();
  }

  private CampaignProgress progress(
      Campaign campaign, Instant at, java.util.function.Supplier<List<TeamFacts>> teams) {
    if (at.isBefore(campaign.deadline())) {
      return evaluate(campaign, at, false, teams.get());
    }
    return campaign.result() != null ? campaign.result() : freeze(campaign, teams.get());
  }

  /** Every team's facts, read on first use. */
  private final class Facts implements java.util.function.Supplier<List<TeamFacts>> {
    private List<TeamFacts> teams;

    @Override
    public List<TeamFacts> get() {
      if (teams == null) {
        teams = loadAll();
      }
      return teams;
    }
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
    for (Campaign campaign : all()) {
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

  /** Freezes the result of every campaign whose deadline has passed, soon after it passes. */
  @Scheduled(
      fixedDelayString = "${plumbline.campaigns.freeze-check:1m}",
      initialDelayString = "${plumbline.campaigns.freeze-check:1m}")
  void freezeDue() {
    Instant now = clock.instant();
    Facts teams = new Facts();
    mongo
        .find(
            Query.query(Criteria.where("deadline").lte(now).and("result").is(null)), Campaign.class)
        .forEach(campaign -> freeze(campaign, teams.get()));
  }

  private CampaignProgress freeze(Campaign campaign, List<TeamFacts> teams) {
    CampaignProgress result = evaluate(campaign, campaign.deadline(), true, teams);
    Campaign stored =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(campaign.campaignId()).and("result").is(null)),
            new Update().set("result", result),
            Campaign.class);
    if (stored == null) {
      // another replica froze it first (or it was replaced meanwhile): its result stands
      Campaign now = mongo.findById(campaign.campaignId(), Campaign.class);
      if (now != null && now.result() != null) {
        return now.result();
      }
    }
    return result;
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

  private void check(Spec spec, Instant now) {
    if (spec.name() == null || spec.name().isBlank() || spec.name().length() > 200) {
      throw invalid("name", "A campaign needs a name of at most 200 characters.");
    }
    if (spec.deadline() == null) {
      throw invalid("deadline", "A campaign needs a deadline, an RFC 3339 instant.");
    }
    if (!spec.deadline().isAfter(now)) {
      throw invalid(
          "deadline",
          "The deadline %s has passed; a campaign looks ahead.".formatted(spec.deadline()));
    }
    if (spec.groupId() != null && !org.asOf(now).contains(spec.groupId())) {
      throw invalid("groupId", "There is no group '%s'.".formatted(spec.groupId()));
    }
    if (spec.tier() != null && (spec.tier() < 1 || spec.tier() > 3)) {
      throw invalid("tier", "tier must be 1, 2 or 3, not %d.".formatted(spec.tier()));
    }
    if (spec.criterionId() != null) {
      if (spec.practice() != null || spec.level() != null) {
        throw invalid(
            "criterionId", "A campaign targets a criterion or a practice's level, not both.");
      }
      if (!RubricCriteria.IDS.contains(spec.criterionId())) {
        throw invalid(
            "criterionId", "The rubric has no criterion '%s'.".formatted(spec.criterionId()));
      }
      return;
    }
    if (spec.practice() == null || !PRACTICES.contains(spec.practice())) {
      throw invalid(
          "practice",
          "A campaign targets a practice (one of %s) with a level, or a criterion."
              .formatted(new java.util.TreeSet<>(PRACTICES)));
    }
    if (spec.level() == null || spec.level() < 1 || spec.level() > 5) {
      throw invalid("level", "level must be 1 to 5.");
    }
  }

  private static RequestRefused invalid(String field, String message) {
    return new RequestRefused(RequestRefused.Kind.INVALID, "invalid-campaign", field, message);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
