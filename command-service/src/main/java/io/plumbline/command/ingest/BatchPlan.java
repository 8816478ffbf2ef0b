package io.plumbline.command.ingest;

import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cuts a batch into the commits that decide it: as few as order and sharing allow. */
final class BatchPlan {

  /** A team with this many events in a batch gets a commit of its own. */
  static final int OWN_COMMIT = 20;

  private BatchPlan() {}

  /**
   * The batch's events (by index) as the commits that decide them, in the order to decide them,
   * with the outcomes of deciding them event by event, in order. A team's decisions depend only on
   * its own earlier events and on the groups that exist, so between two group definitions each
   * team's events are decided together, in their order: a team with many events there gets a commit
   * of its own (as CI submits, a team's events together), and the teams with a few events each
   * share one commit (as an export interleaves many teams in time order), so the store writes one
   * commit where it would write one per team. Teams go in the order of their ids, so that two
   * batches lock the teams they share in the same order. Group definitions are decided at their
   * place. Should a batch use one event id for two teams or groups, which of them gets it depends
   * on the order, so such a batch is decided in its order, consecutive events of one team sharing a
   * commit.
   */
  static List<List<Integer>> commits(List<? extends PlumblineEvent> events) {
    List<List<Integer>> commits = new ArrayList<>();
    if (anIdForTwoAggregates(events)) {
      for (int k = 0; k < events.size(); k++) {
        List<Integer> last = commits.isEmpty() ? null : commits.get(commits.size() - 1);
        if (last != null
            && events.get(last.get(0)).partitionKey().equals(events.get(k).partitionKey())) {
          last.add(k);
        } else {
          commits.add(new ArrayList<>(List.of(k)));
        }
      }
      return commits;
    }
    Map<String, List<Integer>> byTeam = new TreeMap<>();
    for (int k = 0; k < events.size(); k++) {
      PlumblineEvent event = events.get(k);
      if (event instanceof TeamEvent) {
        byTeam.computeIfAbsent(event.partitionKey(), team -> new ArrayList<>()).add(k);
      } else {
        addTeams(commits, byTeam);
        commits.add(new ArrayList<>(List.of(k)));
      }
    }
    addTeams(commits, byTeam);
    return commits;
  }

  /**
   * The teams' events so far, in the order of the team ids: a team with at least {@value
   * #OWN_COMMIT} events in a commit of its own, the others together in one.
   */
  private static void addTeams(List<List<Integer>> commits, Map<String, List<Integer>> byTeam) {
    List<Integer> shared = new ArrayList<>();
    for (List<Integer> team : byTeam.values()) {
      if (team.size() >= OWN_COMMIT) {
        commits.add(team);
      } else {
        shared.addAll(team);
      }
    }
    if (!shared.isEmpty()) {
      commits.add(shared);
    }
    byTeam.clear();
  }

  private static boolean anIdForTwoAggregates(List<? extends PlumblineEvent> events) {
    Map<String, String> aggregateOf = new HashMap<>();
    for (PlumblineEvent event : events) {
      String before = aggregateOf.putIfAbsent(event.eventId(), DecidingAggregate.idOf(event));
      if (before != null && !before.equals(DecidingAggregate.idOf(event))) {
        return true;
      }
    }
    return false;
  }
}
