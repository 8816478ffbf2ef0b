package io.plumbline.command.postmortem;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Lifespan;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemEvent;
import io.plumbline.events.postmortem.PostmortemPublished;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides on the team's incidents and postmortems: an incident ends after it starts and is recorded
 * once; a postmortem is for a recorded incident of the same team, dated after the incident began,
 * published once, with distinct action items; an action item closes once, after its postmortem.
 */
public final class Postmortems {

  private Map<String, Lifespan> incidents = new HashMap<>();
  private Map<String, Map<String, Lifespan>> actionItems = new HashMap<>();

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(PostmortemEvent event) {
    if (event instanceof IncidentRecorded incident) {
      anIncidentEndsAfterItStarts(incident);
      anIncidentIsRecordedOnce(incident);
    } else if (event instanceof PostmortemPublished postmortem) {
      aPostmortemIsForARecordedIncident(postmortem);
      aPostmortemIsPublishedOnce(postmortem);
      actionItemsAreDistinct(postmortem);
    } else if (event instanceof ActionItemClosed closed) {
      anActionItemClosesOnce(closed);
    }
    return event;
  }

  public void evolve(TeamEvent event) {
    if (event instanceof IncidentRecorded incident) {
      incidents.put(
          incident.incidentId(),
          Lifespan.began("Incident '%s'".formatted(incident.incidentId()), incident.startedAt()));
    } else if (event instanceof PostmortemPublished postmortem) {
      incidents.get(postmortem.incidentId()).record(postmortem.eventId(), postmortem.occurredAt());
      Map<String, Lifespan> items = new HashMap<>();
      for (ActionItem item : postmortem.actionItems()) {
        items.put(
            item.actionItemId(),
            Lifespan.began(
                "Action item '%s'".formatted(item.actionItemId()),
                Reason.ACTION_ITEM_CLOSED,
                "was closed",
                postmortem.occurredAt()));
      }
      actionItems.put(postmortem.postmortemId(), items);
    } else if (event instanceof ActionItemClosed closed) {
      Lifespan item = actionItems.get(closed.postmortemId()).get(closed.actionItemId());
      item.record(closed.eventId(), closed.occurredAt());
      item.end(closed.occurredAt());
    }
  }

  private static void anIncidentEndsAfterItStarts(IncidentRecorded incident) {
    if (incident.resolvedAt().isBefore(incident.startedAt())) {
      throw new CommandRejectedException(
          Reason.RESOLVED_BEFORE_START,
          "resolvedAt",
          "An incident cannot be resolved (%s) before it started (%s)."
              .formatted(incident.resolvedAt(), incident.startedAt()));
    }
  }

  private void anIncidentIsRecordedOnce(IncidentRecorded incident) {
    if (incidents.containsKey(incident.incidentId())) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS,
          "incidentId",
          "Incident '%s' is already recorded.".formatted(incident.incidentId()));
    }
  }

  private void aPostmortemIsForARecordedIncident(PostmortemPublished postmortem) {
    Lifespan incident = incidents.get(postmortem.incidentId());
    if (incident == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_INCIDENT,
          "incidentId",
          "Team '%s' has recorded no incident '%s'; record it first."
              .formatted(postmortem.teamId(), postmortem.incidentId()));
    }
    incident.requireWithin(postmortem.occurredAt());
  }

  private void aPostmortemIsPublishedOnce(PostmortemPublished postmortem) {
    if (actionItems.containsKey(postmortem.postmortemId())) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS,
          "postmortemId",
          "Postmortem '%s' is already published.".formatted(postmortem.postmortemId()));
    }
  }

  private static void actionItemsAreDistinct(PostmortemPublished postmortem) {
    Set<String> ids = new HashSet<>();
    for (ActionItem item : postmortem.actionItems()) {
      if (!ids.add(item.actionItemId())) {
        throw new CommandRejectedException(
            Reason.DUPLICATE_ACTION_ITEM,
            "actionItems",
            "Action item id '%s' appears twice.".formatted(item.actionItemId()));
      }
    }
  }

  private void anActionItemClosesOnce(ActionItemClosed closing) {
    Map<String, Lifespan> items = actionItems.get(closing.postmortemId());
    if (items == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_POSTMORTEM,
          "postmortemId",
          "The team has no postmortem '%s'.".formatted(closing.postmortemId()));
    }
    Lifespan item = items.get(closing.actionItemId());
    if (item == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_ACTION_ITEM,
          "actionItemId",
          "Postmortem '%s' has no action item '%s'."
              .formatted(closing.postmortemId(), closing.actionItemId()));
    }
    if (item.hasEnded()) {
      throw new CommandRejectedException(
          Reason.ACTION_ITEM_CLOSED,
          "actionItemId",
          "Action item '%s' was closed at %s; an action item closes once."
              .formatted(closing.actionItemId(), item.ends()));
    }
    item.requireWithin(closing.occurredAt());
  }
}
