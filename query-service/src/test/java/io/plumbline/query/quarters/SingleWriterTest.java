package io.plumbline.query.quarters;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.quarters.store.DirtyMarks;
import io.plumbline.query.quarters.store.DirtyTeam;
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
 * One replica at a time recomputes a team: it claims the team's mark for a while; the other
 * replicas pass it by until it is done, given up, or its lease has run out (its replica died).
 */
@EmbeddedInfrastructureTest
class SingleWriterTest {

  private static final Duration LEASE = Duration.ofMinutes(1);

  @Autowired DirtyMarks marks;
  @Autowired MongoTemplate mongo;

  /** A mark this JVM's own refresher will not pick up: marked "in the future". */
  private DirtyTeam mark() {
    Instant later = Instant.now().plus(Duration.ofDays(1));
    DirtyTeam mark = new DirtyTeam("lease-" + UUID.randomUUID(), "2016-Q1", 1, later, later);
    mongo.insert(mark);
    return mark;
  }

  @Test
  void aTeamClaimedByOneReplicaIsPassedByTheOthersUntilItIsGivenUp() {
    DirtyTeam mark = mark();

    assertThat(marks.claim(mark.teamId(), "replica-a", LEASE)).isTrue();
    assertThat(marks.claim(mark.teamId(), "replica-b", LEASE)).isFalse();
    assertThat(marks.claim(mark.teamId(), "replica-a", LEASE)).as("renewed").isTrue();

    marks.release(mark.teamId(), "replica-a");

    assertThat(marks.claim(mark.teamId(), "replica-b", LEASE)).isTrue();
    assertThat(marks.claim(mark.teamId(), "replica-a", LEASE)).isFalse();
  }

  @Test
  void theClaimOfAReplicaThatDiedRunsOut() {
    DirtyTeam mark = mark();

    assertThat(marks.claim(mark.teamId(), "replica-that-dies", Duration.ZERO)).isTrue();

    assertThat(marks.claim(mark.teamId(), "replica-b", LEASE)).isTrue();
  }

  @Test
  void aMarkThatChangedWhileClaimedStaysAndIsFreeForTheNextRound() {
    DirtyTeam mark = mark();
    assertThat(marks.claim(mark.teamId(), "replica-a", LEASE)).isTrue();
    // new facts marked the team again while replica a recomputed it
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(mark.teamId())),
        new Update().inc("seq", 1),
        DirtyTeam.class);

    marks.done(mark, "replica-a");

    assertThat(mongo.findById(mark.teamId(), DirtyTeam.class)).isNotNull();
    assertThat(marks.claim(mark.teamId(), "replica-b", LEASE)).isTrue();
    marks.done(mongo.findById(mark.teamId(), DirtyTeam.class), "replica-b");
    assertThat(mongo.findById(mark.teamId(), DirtyTeam.class)).isNull();
  }
}
