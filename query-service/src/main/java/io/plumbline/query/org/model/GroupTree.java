package io.plumbline.query.org.model;

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

/**
 * The org tree at an instant: each group's latest definition before it. A group that a team was
 * placed in before the group's definition is dated (groups defined today, teams registered with
 * their history) is read with its first definition, so that the team counts in it and in the groups
 * above it.
 */
public final class GroupTree {

  /** A group as it stood: its name and parent (null at a root). */
  public record GroupNode(String groupId, String name, String parentGroupId) {}

  private final Map<String, GroupNode> nodes;
  private final Map<String, GroupNode> first;

  public GroupTree(Map<String, GroupNode> nodes) {
    this(nodes, Map.of());
  }

  private GroupTree(Map<String, GroupNode> nodes, Map<String, GroupNode> first) {
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    this.first = Map.copyOf(first);
  }

  /** The tree from the definitions that occurred before {@code asOf}, the latest of each group. */
  public static GroupTree asOf(List<GroupDefined> definitions, Instant asOf) {
    Map<String, GroupNode> nodes = new LinkedHashMap<>();
    Map<String, GroupNode> first = new LinkedHashMap<>();
    definitions.stream()
        .sorted(Comparator.comparing(GroupDefined::occurredAt))
        .forEach(
            g -> {
              GroupNode node = new GroupNode(g.groupId(), g.name(), g.parentGroupId());
              first.putIfAbsent(g.groupId(), node);
              if (g.occurredAt().isBefore(asOf)) {
                nodes.put(g.groupId(), node);
              }
            });
    return new GroupTree(nodes, first);
  }

  public Map<String, GroupNode> nodes() {
    return nodes;
  }

  /** Whether the group stood at the instant, or was defined later (see above). */
  public boolean contains(String groupId) {
    return nodes.containsKey(groupId) || first.containsKey(groupId);
  }

  /** The group as it stood, or its first definition if it was defined later; null if never. */
  public GroupNode node(String groupId) {
    GroupNode node = nodes.get(groupId);
    return node != null ? node : first.get(groupId);
  }

  /** The group and every group above it, nearest first (a cycle is cut where it closes). */
  public List<String> ancestorsAndSelf(String groupId) {
    List<String> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String current = groupId;
    while (current != null && seen.add(current)) {
      chain.add(current);
      GroupNode node = node(current);
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
      GroupNode node = node(id);
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
