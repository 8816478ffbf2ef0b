package io.plumbline.query.quarters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.events.org.TeamRegistered;
import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.TestTopic;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.refresh.QuarterRefresher;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Figures stored by an earlier version, before rows kept the team's name, its service tiers and its
 * next steps, are recomputed once after an upgrade, with no new fact needed.
 */
@EmbeddedInfrastructureTest
class RowsOfAnOlderShapeTest {

  @Autowired MongoTemplate mongo;
  @Autowired QuarterRefresher refresher;

  @Test
  void rowsStoredBeforeNextStepsWereKeptAreRecomputedAfterAnUpgrade() {
    String team = "older-" + UUID.randomUUID().toString().substring(0, 8);
    try (TestTopic topic = new TestTopic()) {
      topic.publish(
          new TeamRegistered(
              "reg-" + team, team, "Older", "eng", Instant.parse("2016-05-01T00:00:00Z")));
    }
    String id = TeamQuarter.id(team, "2016-Q3");
    await().atMost(Duration.ofSeconds(30)).until(() -> row(id) != null);
    // as an earlier version stored it
    mongo.updateMulti(
        Query.query(Criteria.where("teamId").is(team)),
        new Update().unset("teamName").unset("serviceTiers").unset("nextSteps"),
        TeamQuarter.class);
    assertThat(row(id).nextSteps()).isNull();

    refresher.recomputeRowsOfAnOlderShape();

    await().atMost(Duration.ofSeconds(30)).until(() -> row(id).nextSteps() != null);
    assertThat(row(id).teamName()).isEqualTo("Older");
    assertThat(row(id).nextSteps()).contains("slo.active", "toil.measured");
    assertThat(row(TeamQuarter.id(team, "2016-Q2")).teamName()).isEqualTo("Older");
  }

  @Test
  void rowsWrittenWhileTheirClassLivedInAnotherPackageAreStillRead() {
    String team = "moved-" + UUID.randomUUID().toString().substring(0, 8);
    try (TestTopic topic = new TestTopic()) {
      topic.publish(
          new TeamRegistered(
              "reg-" + team, team, "Moved", "eng", Instant.parse("2016-05-01T00:00:00Z")));
    }
    String id = TeamQuarter.id(team, "2016-Q3");
    await().atMost(Duration.ofSeconds(30)).until(() -> row(id) != null);
    // as a version before the query side's model, store, refresh and web packages wrote it
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update().set("_class", "io.plumbline.query.quarters.TeamQuarter"),
        TeamQuarter.class);

    assertThat(row(id).teamName()).isEqualTo("Moved");
    assertThat(row(id).quarter()).isEqualTo("2016-Q3");
  }

  private TeamQuarter row(String id) {
    return mongo.findById(id, TeamQuarter.class);
  }
}
