package io.plumbline.query.quarters.model;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A team's row of a published quarter, frozen, with how many of the team's events had arrived when
 * it was frozen: the ones after are the events that arrived since publication.
 */
@Document("published_team_quarters")
public record PublishedTeamQuarter(
    @Id String id, String quarter, TeamQuarter row, long factCount) {}
