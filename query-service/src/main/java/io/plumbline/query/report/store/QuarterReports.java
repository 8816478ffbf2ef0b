package io.plumbline.query.report.store;

import io.plumbline.query.campaigns.store.CampaignProgressReader;
import io.plumbline.query.org.model.GroupTree;
import io.plumbline.query.org.store.OrgTree;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.store.PublicationStore;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.report.model.QuarterReport;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rollups.store.Rollups;
import io.plumbline.query.rubric.model.Criterion;
import io.plumbline.query.rubric.model.Practice;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.store.ActiveRubric;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Gathers a quarter's report from the stored rollups and team rows. */
@Component
public class QuarterReports {

  /** How many quarters the trend chart shows, the reported one last. */
  static final int TREND_QUARTERS = 8;

  private static final int MOST_FAILED = 10;

  private final Rollups rollups;
  private final PublicationStore quarters;
  private final OrgTree org;
  private final ActiveRubric rubric;
  private final CampaignProgressReader campaigns;
  private final Clock clock;

  public QuarterReports(
      Rollups rollups,
      PublicationStore quarters,
      OrgTree org,
      ActiveRubric rubric,
      CampaignProgressReader campaigns,
      Clock clock) {
    this.campaigns = campaigns;
    this.rollups = rollups;
    this.quarters = quarters;
    this.org = org;
    this.rubric = rubric;
    this.clock = clock;
  }

  /**
   * @param groupId the group reported on, or null for the whole org
   */
  public QuarterReport build(Quarter quarter, String groupId) {
    Instant now = clock.instant();
    Instant asOf = rubric.calendar().evaluationInstant(quarter, now);
    GroupTree tree = org.asOf(asOf);
    String scope = groupId == null ? Rollup.ORG : Rollup.groupScope(groupId);
    Rollup rollup =
        rollups
            .find(scope, quarter)
            .orElseThrow(
                () ->
                    groupId == null
                        ? new RequestRefused(
                            RequestRefused.Kind.NOT_FOUND,
                            "no-figures",
                            "quarter",
                            "No figures for the org in %s.".formatted(quarter))
                        : new RequestRefused(
                            RequestRefused.Kind.NOT_FOUND,
                            "unknown-group",
                            "groupId",
                            "No figures for group '%s' in %s.".formatted(groupId, quarter)));
    Quarter first = quarter;
    for (int i = 1; i < TREND_QUARTERS; i++) {
      first = first.previous();
    }
    List<TeamQuarter> teams =
        quarters.liveRows(quarter).stream()
            .filter(TeamQuarter::active)
            .filter(row -> groupId == null || tree.within(row.groupId(), groupId))
            .toList();
    Map<String, TeamQuarter> byId =
        teams.stream().collect(Collectors.toMap(TeamQuarter::teamId, Function.identity()));
    String title = groupId == null ? "The org" : String.join(" / ", tree.path(groupId));
    return new QuarterReport(
        title,
        quarter.toString(),
        asOf,
        quarters.find(quarter),
        rollup,
        rollups.find(scope, quarter.previous()),
        rollups.range(scope, first, quarter),
        movers(rollup.moversUp(), byId, tree),
        movers(rollup.moversDown(), byId, tree),
        groups(quarter, groupId, tree),
        mostFailed(teams, asOf),
        (int) teams.stream().filter(t -> t.nextSteps() != null).count(),
        teams.stream().collect(Collectors.toMap(TeamQuarter::teamId, TeamQuarter::displayName)),
        campaigns.statusAt(asOf, groupId));
  }

  private static List<QuarterReport.Mover> movers(
      List<Rollup.Mover> movers, Map<String, TeamQuarter> teams, GroupTree tree) {
    return movers.stream()
        .map(
            m -> {
              TeamQuarter row = teams.get(m.teamId());
              return new QuarterReport.Mover(
                  m.teamId(),
                  row == null ? m.teamId() : row.displayName(),
                  row == null ? "" : String.join(" / ", tree.path(row.groupId())),
                  m.from(),
                  m.to());
            })
        .toList();
  }

  /** The org's groups, or the group and those below it, with their mean levels, by path. */
  private List<QuarterReport.GroupLevels> groups(Quarter quarter, String groupId, GroupTree tree) {
    return rollups.ofQuarter(quarter).stream()
        .filter(r -> r.groupId() != null && tree.contains(r.groupId()))
        .filter(r -> groupId == null || tree.within(r.groupId(), groupId))
        .map(
            r ->
                new QuarterReport.GroupLevels(
                    r.groupId(),
                    String.join(" / ", tree.path(r.groupId())),
                    r.teams(),
                    java.util.Arrays.stream(Practice.values())
                        .map(p -> r.meanLevelPerPractice().get(p.name().toLowerCase(Locale.ROOT)))
                        .toList()))
        .sorted(Comparator.comparing(QuarterReport.GroupLevels::path))
        .toList();
  }

  /** The criteria that most teams fail at their next level, most first. */
  private List<QuarterReport.FailedCriterion> mostFailed(List<TeamQuarter> teams, Instant asOf) {
    Map<String, Integer> counts = new HashMap<>();
    teams.stream()
        .filter(t -> t.nextSteps() != null)
        .flatMap(t -> t.nextSteps().stream())
        .forEach(id -> counts.merge(id, 1, Integer::sum));
    Map<String, Criterion> criteria = rubric.evaluator().criteria(asOf);
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MOST_FAILED)
        .map(
            e -> {
              Criterion criterion = criteria.get(e.getKey());
              return new QuarterReport.FailedCriterion(
                  e.getKey(),
                  criterion == null ? 0 : criterion.level(),
                  criterion == null ? e.getKey() : criterion.description(),
                  e.getValue());
            })
        .toList();
  }
}
