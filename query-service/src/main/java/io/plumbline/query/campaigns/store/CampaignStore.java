package io.plumbline.query.campaigns.store;

import io.plumbline.query.campaigns.model.Campaign;
import io.plumbline.query.campaigns.model.CampaignProgress;
import io.plumbline.query.org.store.OrgTree;
import io.plumbline.query.refusal.RequestRefused;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The campaigns leadership set, stored in MongoDB so that every replica reads the same ones; a
 * campaign's result is written once (a write conditional on no result yet), by whichever replica
 * freezes it first.
 */
@Component
public class CampaignStore {

  /** Campaigns are few: this bounds the series they export. */
  public static final int MAX_CAMPAIGNS = 50;

  private final MongoTemplate mongo;
  private final OrgTree org;
  private final Clock clock;

  CampaignStore(MongoTemplate mongo, OrgTree org, Clock clock) {
    this.mongo = mongo;
    this.org = org;
    this.clock = clock;
  }

  /**
   * Sets the campaign (a new one, or one replaced), after checking that it names something.
   *
   * @return whether it is new
   */
  public boolean set(String campaignId, Campaign.Spec spec) {
    Instant now = clock.instant();
    spec.check(now, groupId -> org.asOf(now).contains(groupId));
    Campaign existing = mongo.findById(campaignId, Campaign.class);
    if (existing == null && mongo.count(new Query(), Campaign.class) >= MAX_CAMPAIGNS) {
      throw Campaign.Spec.invalid(
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
            spec.deadline().truncatedTo(ChronoUnit.MILLIS),
            existing == null ? now.truncatedTo(ChronoUnit.MILLIS) : existing.createdAt(),
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

  /** The campaigns whose deadline has passed and whose result is not frozen yet. */
  public List<Campaign> dueToFreeze(Instant now) {
    return mongo.find(
        Query.query(Criteria.where("deadline").lte(now).and("result").is(null)), Campaign.class);
  }

  /**
   * Keeps the result unless another replica froze one first (or the campaign was replaced
   * meanwhile): the result that stands.
   */
  public CampaignProgress freeze(String campaignId, CampaignProgress result) {
    Campaign stored =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(campaignId).and("result").is(null)),
            new Update().set("result", result),
            Campaign.class);
    if (stored == null) {
      Campaign now = mongo.findById(campaignId, Campaign.class);
      return Optional.ofNullable(now).map(Campaign::result).orElse(result);
    }
    return result;
  }
}
