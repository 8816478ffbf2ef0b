package io.plumbline.command.postmortem;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The team's incidents and postmortems as far as invariants need them: a postmortem refers to a
 * recorded incident of the same team, and an action item closes once.
 */
public final class PostmortemLedger {

  private Set<String> incidents = new HashSet<>();
  private Map<String, Map<String, Boolean>> actionItemClosed = new HashMap<>();

  public void checkRecord(RecordIncident command) {
    if (command.resolvedAt().isBefore(command.startedAt())) {
      throw new CommandRejectedException(
          Reason.RESOLVED_BEFORE_START,
          "resolvedAt",
          "An incident cannot be resolved (%s) before it started (%s)."
              .formatted(command.resolvedAt(), command.startedAt()));
    }
    if (incidents.contains(command.incidentId())) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS,
          "incidentId",
          "Incident '%s' is already recorded.".formatted(command.incidentId()));
    }
  }

  public void checkPublish(PublishPostmortem command) {
    if (!incidents.contains(command.incidentId())) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_INCIDENT,
          "incidentId",
          "Team '%s' has recorded no incident '%s'; record it first."
              .formatted(command.teamId(), command.incidentId()));
    }
    if (actionItemClosed.containsKey(command.postmortemId())) {
      throw new CommandRejectedException(
          Reason.ALREADY_EXISTS,
          "postmortemId",
          "Postmortem '%s' is already published.".formatted(command.postmortemId()));
    }
    Set<String> ids = new HashSet<>();
    for (ActionItemSpec item : command.actionItems()) {
      if (!ids.add(item.actionItemId())) {
        throw new CommandRejectedException(
            Reason.DUPLICATE_ACTION_ITEM,
            "actionItems",
            "Action item id '%s' appears twice.".formatted(item.actionItemId()));
      }
    }
  }

  public void checkClose(CloseActionItem command) {
    Map<String, Boolean> items = actionItemClosed.get(command.postmortemId());
    if (items == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_POSTMORTEM,
          "postmortemId",
          "The team has no postmortem '%s'.".formatted(command.postmortemId()));
    }
    Boolean closed = items.get(command.actionItemId());
    if (closed == null) {
      throw new CommandRejectedException(
          Reason.UNKNOWN_ACTION_ITEM,
          "actionItemId",
          "Postmortem '%s' has no action item '%s'."
              .formatted(command.postmortemId(), command.actionItemId()));
    }
    if (closed) {
      throw new CommandRejectedException(
          Reason.ACTION_ITEM_CLOSED,
          "actionItemId",
          "Action item '%s' is already closed; an action item closes once."
              .formatted(command.actionItemId()));
    }
  }

  public void on(IncidentRecorded event) {
    incidents.add(event.incidentId());
  }

  public void on(PostmortemPublished event) {
    Map<String, Boolean> items = new HashMap<>();
    for (ActionItem item : event.actionItems()) {
      items.put(item.actionItemId(), false);
    }
    actionItemClosed.put(event.postmortemId(), items);
  }

  public void on(ActionItemClosed event) {
    actionItemClosed.get(event.postmortemId()).put(event.actionItemId(), true);
  }
}
