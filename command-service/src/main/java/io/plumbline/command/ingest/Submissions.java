package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.security.Caller;
import io.plumbline.events.PlumblineEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Takes one submitted event from JSON to a stored event: reads it, checks the caller may submit it,
 * and hands it as it is to the team or group that decides on it; the store refuses an event id that
 * another team or group holds. Nothing is stored when anything refuses.
 */
@Component
class Submissions {

  private final SubmissionReader reader;
  private final RetryingDispatch dispatch;
  private final SharedCommits sharedCommits;
  private final SubmissionMetrics metrics;

  Submissions(
      SubmissionReader reader,
      RetryingDispatch dispatch,
      SharedCommits sharedCommits,
      SubmissionMetrics metrics) {
    this.reader = reader;
    this.dispatch = dispatch;
    this.sharedCommits = sharedCommits;
    this.metrics = metrics;
  }

  record Accepted(String eventId, Outcome outcome) {}

  Accepted submit(ObjectNode json, Caller caller) {
    String type = json.path("type").asText(null);
    try {
      Accepted accepted = decide(json, caller);
      metrics.accepted(type, accepted.outcome());
      return accepted;
    } catch (RuntimeException e) {
      metrics.refused(type, e);
      throw e;
    }
  }

  private Accepted decide(ObjectNode json, Caller caller) {
    PlumblineEvent event = reader.read(json);
    SubmissionAuthorization.authorize(event, caller);
    return new Accepted(event.eventId(), dispatch.dispatch(event));
  }

  /**
   * Decides a batch with the outcomes of deciding it event by event, in order, in the commits that
   * {@link BatchPlan} cuts it into. An item that cannot be read or may not be submitted is refused
   * on its own, without holding back the others.
   */
  List<Decision> submitAll(List<JsonNode> items, Caller caller) {
    Decision[] decisions = new Decision[items.size()];
    List<Integer> readable = new ArrayList<>();
    List<PlumblineEvent> events = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      try {
        if (!item.isObject()) {
          throw new SubmissionRejectedException(
              HttpStatus.BAD_REQUEST, "malformed-json", null, "Each event must be a JSON object.");
        }
        PlumblineEvent event = reader.read((ObjectNode) item);
        SubmissionAuthorization.authorize(event, caller);
        readable.add(i);
        events.add(event);
      } catch (RuntimeException e) {
        decisions[i] = new Decision(item.path("eventId").asText(null), null, e);
      }
    }
    for (List<Integer> commit : BatchPlan.commits(events)) {
      List<Decision> decided = sharedCommits.decide(commit.stream().map(events::get).toList());
      for (int n = 0; n < commit.size(); n++) {
        decisions[readable.get(commit.get(n))] = decided.get(n);
      }
    }
    for (int i = 0; i < items.size(); i++) {
      metrics.decided(items.get(i).path("type").asText(null), decisions[i]);
    }
    return List.of(decisions);
  }
}
