package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.slo.SloReviewed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch is cut into commits: as few as order allows, never changing outcomes. */
class BatchCommitsTest {

  private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

  private static PlumblineEvent review(String eventId, String team) {
    return new SloReviewed(eventId, team, "availability", T);
  }

  private static PlumblineEvent group(String eventId, String groupId) {
    return new GroupDefined(eventId, groupId, groupId, null, T);
  }

  @Test
  void anExportInterleavingTeamsIsOneCommitTeamByTeamInEachTeamsOrder() {
    List<PlumblineEvent> export =
        List.of(
            review("a1", "a"),
            review("b1", "b"),
            review("a2", "a"),
            review("c1", "c"),
            review("b2", "b"),
            review("a3", "a"));

    assertThat(BatchPlan.commits(export)).containsExactly(List.of(0, 2, 5, 1, 4, 3));
  }

  @Test
  void aTeamWithManyEventsGetsACommitOfItsOwnAndTheFewShareOne() {
    List<PlumblineEvent> batch = new java.util.ArrayList<>();
    batch.add(review("c1", "c"));
    for (int i = 0; i < BatchPlan.OWN_COMMIT; i++) {
      batch.add(review("b" + i, "b"));
    }
    batch.add(review("a1", "a"));

    List<List<Integer>> commits = BatchPlan.commits(batch);

    assertThat(commits).hasSize(2);
    assertThat(commits.get(0)).hasSize(BatchPlan.OWN_COMMIT).startsWith(1);
    assertThat(commits.get(1)).containsExactly(BatchPlan.OWN_COMMIT + 1, 0);
  }

  @Test
  void aGroupDefinitionIsDecidedAtItsPlaceSoTeamsAfterItSeeItAndTeamsBeforeDoNot() {
    List<PlumblineEvent> batch =
        List.of(review("b1", "b"), review("a1", "a"), group("g1", "g"), review("a2", "a"));

    assertThat(BatchPlan.commits(batch)).containsExactly(List.of(1, 0), List.of(2), List.of(3));
  }

  @Test
  void aBatchUsingOneIdForTwoTeamsIsDecidedInItsOrder() {
    List<PlumblineEvent> batch =
        List.of(review("x", "a"), review("b1", "b"), review("a2", "a"), review("x", "b"));

    assertThat(BatchPlan.commits(batch))
        .containsExactly(List.of(0), List.of(1), List.of(2), List.of(3));
  }
}
