package io.plumbline.query.campaigns.model;

import io.plumbline.events.exemption.RubricCriteria;
import io.plumbline.query.refusal.RequestRefused;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
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

  /** What an admin sends to set a campaign. */
  public record Spec(
      String name,
      String groupId,
      Integer tier,
      String practice,
      Integer level,
      String criterionId,
      Instant deadline) {

    private static final Set<String> PRACTICES = Set.of("slos", "postmortems", "runbooks", "toil");

    /**
     * Refuses a spec that names nothing: a name, a deadline ahead of {@code now}, a group that
     * exists, a tier, and either a criterion of the rubric or a practice with a level.
     */
    public void check(Instant now, Predicate<String> groupExists) {
      if (name() == null || name().isBlank() || name().length() > 200) {
        throw invalid("name", "A campaign needs a name of at most 200 characters.");
      }
      if (deadline() == null) {
        throw invalid("deadline", "A campaign needs a deadline, an RFC 3339 instant.");
      }
      if (!deadline().isAfter(now)) {
        throw invalid(
            "deadline",
            "The deadline %s has passed; a campaign looks ahead.".formatted(deadline()));
      }
      if (groupId() != null && !groupExists.test(groupId())) {
        throw invalid("groupId", "There is no group '%s'.".formatted(groupId()));
      }
      if (tier() != null && (tier() < 1 || tier() > 3)) {
        throw invalid("tier", "tier must be 1, 2 or 3, not %d.".formatted(tier()));
      }
      if (criterionId() != null) {
        if (practice() != null || level() != null) {
          throw invalid(
              "criterionId", "A campaign targets a criterion or a practice's level, not both.");
        }
        if (!RubricCriteria.IDS.contains(criterionId())) {
          throw invalid(
              "criterionId", "The rubric has no criterion '%s'.".formatted(criterionId()));
        }
        return;
      }
      if (practice() == null || !PRACTICES.contains(practice())) {
        throw invalid(
            "practice",
            "A campaign targets a practice (one of %s) with a level, or a criterion."
                .formatted(new java.util.TreeSet<>(PRACTICES)));
      }
      if (level() == null || level() < 1 || level() > 5) {
        throw invalid("level", "level must be 1 to 5.");
      }
    }

    /** A refusal of a campaign's spec, naming the field at fault. */
    public static RequestRefused invalid(String field, String message) {
      return new RequestRefused(RequestRefused.Kind.INVALID, "invalid-campaign", field, message);
    }
  }
}
