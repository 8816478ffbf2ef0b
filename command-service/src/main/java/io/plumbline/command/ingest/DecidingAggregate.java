package io.plumbline.command.ingest;

import io.plumbline.command.group.GroupSubmission;
import io.plumbline.command.team.TeamSubmission;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import io.plumbline.events.org.GroupDefined;

/** Which aggregate decides an event: its team, or for a group's definition the group. */
final class DecidingAggregate {

  private DecidingAggregate() {}

  /** The aggregate's identifier, as the aggregate cache knows it. */
  static String idOf(PlumblineEvent event) {
    return (event instanceof TeamEvent ? "team:" : "group:") + event.partitionKey();
  }

  /** The command that hands the event, as it is, to its aggregate. */
  static Object commandFor(PlumblineEvent event) {
    return event instanceof TeamEvent teamEvent
        ? new TeamSubmission(teamEvent)
        : new GroupSubmission((GroupDefined) event);
  }
}
