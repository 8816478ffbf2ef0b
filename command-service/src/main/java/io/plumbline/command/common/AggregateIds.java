package io.plumbline.command.common;

/** How teams and groups are named in the event store. */
public final class AggregateIds {

  private AggregateIds() {}

  public static String team(String teamId) {
    return "team:" + teamId;
  }

  public static String group(String groupId) {
    return "group:" + groupId;
  }
}
