package io.plumbline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An event about one team; keyed by the team so that a team's events stay ordered. */
public interface TeamEvent extends PlumblineEvent {

  String teamId();

  @Override
  @JsonIgnore
  default String partitionKey() {
    return teamId();
  }
}
