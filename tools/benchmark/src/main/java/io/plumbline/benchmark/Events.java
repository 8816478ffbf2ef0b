package io.plumbline.benchmark;

import java.util.List;

/** The events the benchmark submits, written as the batch API takes them. */
public final class Events {

  private Events() {}

  /** An event of the given type; {@code fields} is a JSON object of the type's own fields. */
  public static String event(String type, String id, String fields, String at) {
    return "{\"type\":\"%s\",\"eventId\":\"%s\",\"occurredAt\":\"%s\",%s"
        .formatted(type, id, at, fields.substring(1));
  }

  /** A team's toil for January 2026: the event the load phases submit by the thousand. */
  public static String toil(String id, String team, int hours, String at) {
    return event(
        "ToilMeasured",
        id,
        "{\"teamId\":\"%s\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":%d,\"opsHours\":100}"
            .formatted(team, hours),
        at);
  }

  /** The body of a request to the batch API. */
  public static String batch(List<String> events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }
}
