package io.plumbline.query.org.web;

import io.plumbline.query.org.model.GroupTree;
import io.plumbline.query.org.store.OrgTree;
import io.plumbline.query.web.ReadParameters;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The org's groups as a tree, now or as it stood at an instant. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "Groups", description = "The org tree")
@RestController
@RequestMapping("/api/v1/groups")
class GroupsController {

  private final OrgTree org;
  private final Clock clock;

  GroupsController(OrgTree org, Clock clock) {
    this.org = org;
    this.clock = clock;
  }

  /** The org tree at an instant. */
  record Groups(Instant asOf, List<Group> groups) {}

  /** A group with its subgroups, by name. */
  record Group(String groupId, String name, List<Group> children) {}

  @Operation(summary = "Every group as a tree, as it stood at an instant (now by default)")
  @Refusal(status = 400, reasons = "invalid-parameter")
  @GetMapping
  Groups groups(@RequestParam(required = false) String asOf) {
    Instant now = clock.instant();
    Instant at = asOf == null ? now : ReadParameters.pastInstant(asOf, "asOf", now);
    GroupTree tree = org.asOf(at);
    return new Groups(at, children(tree, null));
  }

  private static List<Group> children(GroupTree tree, String parent) {
    return tree.children(parent).stream()
        .map(n -> new Group(n.groupId(), n.name(), children(tree, n.groupId())))
        .toList();
  }
}
