package io.plumbline.query.report.model;

import io.plumbline.query.quarters.model.Publication;
import io.plumbline.query.rollups.model.Rollup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a leadership review of one quarter reads, for the org or a group: its figures and the
 * quarter's before, the figures over the quarters before it, the movers by name, each group's mean
 * level per practice, the restatements since publication, the criteria most teams fail next, and
 * the campaigns over its teams.
 */
public record QuarterReport(
    String title,
    String quarter,
    Instant asOf,
    Optional<Publication> publication,
    Rollup rollup,
    Optional<Rollup> previous,
    List<Rollup> trend,
    List<Mover> moversUp,
    List<Mover> moversDown,
    List<GroupLevels> groups,
    List<FailedCriterion> mostFailed,
    int teamsWithNextSteps,
    java.util.Map<String, String> teamNames,
    List<io.plumbline.query.campaigns.model.CampaignStatus> campaigns) {

  /** A team whose overall level moved against the quarter before. */
  public record Mover(String teamId, String teamName, String groupPath, int from, int to) {}

  /** A group's teams and mean level per practice. */
  public record GroupLevels(
      String groupId, String path, int teams, List<java.math.BigDecimal> means) {}

  /** A criterion that stands between teams and their next level, with how many. */
  public record FailedCriterion(String id, int level, String description, int teams) {}
}
