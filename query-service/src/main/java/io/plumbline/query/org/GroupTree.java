package io.plumbline.query.org;

import io.plumbline.events.org.GroupDefined;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The org tree at an instant: each group's latest definition before it. */
public final class GroupTree {

  /** A group as it stood: its name and parent (null at a root). */
  public record GroupNode(String groupId, String name, String parentGroupId) {}

  private final Map<String, GroupNode> nodes;

  public GroupTree(Map<String, GroupNode> nodes) {
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  /** The tree from the definitions that occurred before {@code asOf}, the latest of each group. */
  public static GroupTree asOf(List<GroupDefined> definitions, Instant asOf) {
    Map<String, GroupNode> nodes = new LinkedHashMap<>();
    definitions.stream()
        .filter(g -> g.occurredAt().isBefore(asOf))
        .sorted(Comparator.comparing(GroupDefined::occurredAt))
        .forEach(
            g -> nodes.put(g.groupId(), new GroupNode(g.groupId(), g.name(), g.parentGroupId())));
    return new GroupTree(nodes);
  }

  public Map<String, GroupNode> nodes() {
    return nodes;
  }

  public boolean contains(String groupId) {
    return nodes.containsKey(groupId);
  }

  public GroupNode node(String groupId) {
    return nodes.get(groupId);
  }

  /** The group and every group above it, nearest first (a cycle is cut where it closes). */
  public List<String> ancestorsAndSelf(String groupId) {
    List<String> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String current = groupId;
    while (current != null && seen.add(current)) {
      chain.add(current);
      GroupNode node = nodes.get(current);
      current = node == null ? null : node.parentGroupId();
    }
    return chain;
  }

  /** Whether {@code groupId} is {@code ancestor} or lies below it. */
  public boolean within(String groupId, String ancestor) {
    return ancestorsAndSelf(groupId).contains(ancestor);
  }

  /** The names from the root down to the group (its id where a group is not defined). */
  public List<String> path(String groupId) {
    List<String> path = new ArrayList<>();
    for (String id : ancestorsAndSelf(groupId)) {
      GroupNode node = nodes.get(id);
      path.add(0, node == null ? id : node.name());
    }
    return path;
  }

  /** The groups whose parent is {@code parentGroupId} (null: the roots), by name. */
  public List<GroupNode> children(String parentGroupId) {
    return nodes.values().stream()
        .filter(
            n ->
                parentGroupId == null
                    ? n.parentGroupId() == null || !nodes.containsKey(n.parentGroupId())
                    : parentGroupId.equals(n.parentGroupId()) && !n.groupId().equals(parentGroupId))
        .sorted(Comparator.comparing(GroupNode::name).thenComparing(GroupNode::groupId))
        .toList();
  }
}
