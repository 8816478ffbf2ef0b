package io.plumbline.query.org.store;

import io.plumbline.query.facts.store.TeamFactsReader;
import io.plumbline.query.org.model.GroupTree;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Reads the org tree as it stood at an instant from the projected group definitions. */
@Component
public class OrgTree {

  private final TeamFactsReader facts;

  OrgTree(TeamFactsReader facts) {
    this.facts = facts;
  }

  public GroupTree asOf(Instant asOf) {
    return GroupTree.asOf(facts.groupDefinitions(), asOf);
  }
}
