package io.plumbline.query.metrics.refresh;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.plumbline.query.metrics.store.ExportLease;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rubric.store.ActiveRubric;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The current quarter's figures as Prometheus gauges, for Grafana: per team (switchable off for
 * very large orgs) and per group. Series: 7 per team (4 practices, overall, score, and an info
 * series naming its group) when per-team series are on, and 7 per group and for the org (teams at
 * each of 6 levels, mean score). Only the replica holding the {@link ExportLease} exports them, so
 * that a sum over the fleet counts every team once; the others export none.
 */
@Component
class MaturityMetrics {

  private final MongoTemplate mongo;
  private final ExportLease lease;
  private final ActiveRubric rubric;
  private final Clock clock;
  private final boolean perTeam;
  private final MultiGauge teamLevels;
  private final MultiGauge teamScores;
  private final MultiGauge teamInfo;
  private final MultiGauge groupTeams;
  private final MultiGauge groupScores;

  MaturityMetrics(
      MongoTemplate mongo,
      ExportLease lease,
      ActiveRubric rubric,
      Clock clock,
      MeterRegistry meters,
      @Value("${plumbline.metrics.per-team:true}") boolean perTeam,
      @Value("${plumbline.metrics.refresh-interval:15s}") java.time.Duration refreshInterval) {
    lease.requireRenewedEvery(refreshInterval);
    this.mongo = mongo;
    this.lease = lease;
    this.rubric = rubric;
    this.clock = clock;
    this.perTeam = perTeam;
    this.teamLevels =
        MultiGauge.builder("plumbline.team.level")
            .description("A team's level (0-5) per practice and overall, this quarter")
            .register(meters);
    this.teamScores =
        MultiGauge.builder("plumbline.team.score")
            .description("A team's score (0-100) this quarter")
            .register(meters);
    this.teamInfo =
        MultiGauge.builder("plumbline.team.info")
            .description("1 for every active team this quarter, with its name and group")
            .register(meters);
    Gauge.builder("plumbline.metrics.exporter", lease, held -> held.held() ? 1 : 0)
        .description(
            "1 on the replica that exports the business gauges (it holds the lease), 0 on the"
                + " others")
        .register(meters);
    this.groupTeams =
        MultiGauge.builder("plumbline.group.teams")
            .description(
                "Teams at each overall level in a group (its subgroups included) or the org")
            .register(meters);
    this.groupScores =
        MultiGauge.builder("plumbline.group.score.mean")
            .description("Mean team score of a group (its subgroups included) or the org")
            .register(meters);
  }

  @Scheduled(
      fixedDelayString = "${plumbline.metrics.refresh-interval:15s}",
      initialDelayString = "${plumbline.metrics.initial-delay:2s}")
  synchronized void refresh() {
    if (!lease.renew()) {
      withdraw();
      return;
    }
    String quarter = rubric.calendar().quarterOf(clock.instant()).toString();
    List<Rollup> rollups =
        mongo.find(Query.query(Criteria.where("quarter").is(quarter)), Rollup.class);
    List<MultiGauge.Row<?>> teams = new ArrayList<>();
    List<MultiGauge.Row<?>> scores = new ArrayList<>();
    for (Rollup rollup : rollups) {
      String group = rollup.groupId() == null ? Rollup.ORG : rollup.groupId();
      rollup
          .teamsPerLevel()
          .forEach(
              (level, count) ->
                  teams.add(MultiGauge.Row.of(Tags.of("group", group, "level", level), count)));
      if (rollup.meanScore() != null) {
        scores.add(MultiGauge.Row.of(Tags.of("group", group), rollup.meanScore()));
      }
    }
    if (!lease.held()) {
      withdraw(); // the computation outlasted the lease: another replica may export now
      return;
    }
    groupTeams.register(teams, true);
    groupScores.register(scores, true);
    if (!perTeam) {
      return;
    }
    List<MultiGauge.Row<?>> levels = new ArrayList<>();
    List<MultiGauge.Row<?>> teamScoreRows = new ArrayList<>();
    List<MultiGauge.Row<?>> info = new ArrayList<>();
    for (TeamQuarter row :
        mongo.find(
            Query.query(Criteria.where("quarter").is(quarter).and("active").is(true)),
            TeamQuarter.class)) {
      row.levels()
          .forEach(
              (practice, level) ->
                  levels.add(
                      MultiGauge.Row.of(
                          Tags.of("team", row.teamId(), "practice", practice), level)));
      levels.add(
          MultiGauge.Row.of(
              Tags.of("team", row.teamId(), "practice", "overall"), row.overallLevel()));
      teamScoreRows.add(MultiGauge.Row.of(Tags.of("team", row.teamId()), row.score()));
      info.add(
          MultiGauge.Row.of(
              Tags.of(
                  "team",
                  row.teamId(),
                  "name",
                  row.teamName() == null ? row.teamId() : row.teamName(),
                  "group",
                  row.groupId() == null ? Rollup.ORG : row.groupId()),
              1));
    }
    if (!lease.held()) {
      withdraw();
      return;
    }
    teamLevels.register(levels, true);
    teamScores.register(teamScoreRows, true);
    teamInfo.register(info, true);
  }

  private void withdraw() {
    List.of(groupTeams, groupScores, teamLevels, teamScores, teamInfo)
        .forEach(gauge -> gauge.register(List.of(), true));
  }
}
