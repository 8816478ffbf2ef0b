package io.plumbline.events.postmortem;

import io.plumbline.events.EventRevision;
import io.plumbline.events.TeamEvent;
import java.time.Instant;
import java.util.List;

/**
 * A postmortem was published for one of the team's incidents; {@code occurredAt} is the publication
 * instant. {@code involvedTeamIds} are the other teams that took part.
 */
@EventRevision("1")
public record PostmortemPublished(
    String eventId,
    String teamId,
    String postmortemId,
    String incidentId,
    boolean blameless,
    List<ActionItem> actionItems,
    List<String> involvedTeamIds,
    Instant occurredAt)
    implements TeamEvent {

  public PostmortemPublished {
    actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    involvedTeamIds = involvedTeamIds == null ? List.of() : List.copyOf(involvedTeamIds);
  }
}
