package io.plumbline.query.quarters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.events.org.TeamRegistered;
import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.TestTopic;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.store.DirtyTeam;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A team registered for a moment a little ahead of the query service's clock (the ingest allows a
 * few minutes of skew) has no figures until that moment, and gets them then with no new fact: its
 * mark stays until the moment has come, since neither the clock refresh nor a replay, which list
 * teams by their figures, would find it.
 */
@EmbeddedInfrastructureTest
class RegisteredAMomentAheadTest {

  @Autowired MongoTemplate mongo;
  @Autowired io.plumbline.query.rubric.store.ActiveRubric rubric;

  @Test
  void aTeamRegisteredAMomentAheadGetsItsFiguresWhenTheMomentComes() {
    String team = "ahead-" + UUID.randomUUID().toString().substring(0, 8);
    Instant registeredAt = Instant.now().plusSeconds(6);
    try (TestTopic topic = new TestTopic()) {
      topic.publish(new TeamRegistered("reg-" + team, team, "Ahead", "eng", registeredAt));
    }
    String row = TeamQuarter.id(team, rubric.calendar().quarterOf(registeredAt).toString());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> mongo.exists(Query.query(Criteria.where("_id").is(team)), DirtyTeam.class));
    // before the moment (rounds run every half second): no figures, and the team stays marked
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
    if (Instant.now().isBefore(registeredAt)) { // on a slow machine the moment may have come
      assertThat(mongo.findById(row, TeamQuarter.class)).isNull();
      assertThat(mongo.findById(team, DirtyTeam.class)).isNotNull();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.findById(row, TeamQuarter.class) != null);
    assertThat(mongo.findById(row, TeamQuarter.class).teamName()).isEqualTo("Ahead");
  }
}
