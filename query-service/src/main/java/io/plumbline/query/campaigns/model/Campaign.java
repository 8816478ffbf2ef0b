package io.plumbline.query.campaigns.model;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A target leadership set: the teams in scope (a group with its subgroups, and/or those owning an
 * active service of a tier; neither: every team) reach {@code level} in {@code practice} — or pass
 * {@code criterionId} — by {@code deadline}. Once the deadline passed, {@code result} is its
 * progress as of the deadline, frozen.
 */
@Document("campaigns")
public record Campaign(
    @Id String campaignId,
    String name,
    String groupId,
    Integer tier,
    String practice,
    Integer level,
    String criterionId,
    Instant deadline,
    Instant createdAt,
    CampaignProgress result) {

  public String target() {
    return criterionId != null
        ? "pass " + criterionId
        : practice + " at level " + level + " or above";
  }

  Campaign frozen(CampaignProgress progress) {
    return new Campaign(
        campaignId,
        name,
        groupId,
        tier,
        practice,
        level,
        criterionId,
        deadline,
        createdAt,
        progress);
  }
}
