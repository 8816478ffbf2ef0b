package io.plumbline.command.postmortem;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides on the team's incidents and postmortems: an incident ends after it starts and is recorded
 * once; a postmortem is for a recorded incident of the same team, published once, with distinct
 * action items; an action item closes once.
 */
public final class Postmortems {

  private Set<String> incidents = new HashSet<>();
  private Map<String, Map<String, Boolean>> actionItemClosed = new HashMap<>();

  public static boolean decides(TeamEvent event) {
    return event instanceof IncidentRecorded
        || event instanceof PostmortemPublished
        || event instanceof ActionItemClosed;
  }

  /** The event to store, or the refusal of the rule it breaks. */
  public TeamEvent decide(TeamEvent event) {
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
      incidents.add(incident.incidentId());
    } else if (event instanceof PostmortemPublished postmortem) {
      Map<String, Boolean> items = new HashMap<>();
      for (ActionItem item : postmortem.actionItems()) {
        items.put(item.actionItemId(), false);
      }
      actionItemClosed.put(postmortem.postmortemId(), items);
    } else if (event instanceof ActionItemClosed closed) {
      actionItemClosed.get(closed.postmortemId()).put(closed.actionItemId(), true);
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
    if (incidents.contains(incident.incidentId())) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS,
          "incidentId",
          "Incident '%s' is already recorded.".formatted(incident.incidentId()));
    }
  }

  private void aPostmortemIsForARecordedIncident(PostmortemPublished postmortem) {
    if (!incidents.contains(postmortem.incidentId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_INCIDENT,
          "incidentId",
          "Team '%s' has recorded no incident '%s'; record it first."
              .formatted(postmortem.teamId(), postmortem.incidentId()));
    }
  }

  private void aPostmortemIsPublishedOnce(PostmortemPublished postmortem) {
    if (actionItemClosed.containsKey(postmortem.postmortemId())) {
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
    Map<String, Boolean> items = actionItemClosed.get(closing.postmortemId());
    if (items == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_POSTMORTEM,
          "postmortemId",
          "The team has no postmortem '%s'.".formatted(closing.postmortemId()));
    }
    Boolean closed = items.get(closing.actionItemId());
    if (closed == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_ACTION_ITEM,
          "actionItemId",
          "Postmortem '%s' has no action item '%s'."
              .formatted(closing.postmortemId(), closing.actionItemId()));
    }
    if (closed) {
      throw new CommandRejectedException(
          Reason.ACTION_ITEM_CLOSED,
          "actionItemId",
          "Action item '%s' is already closed; an action item closes once."
              .formatted(closing.actionItemId()));
    }
  }
}
