package io.plumbline.query.quarters.store;

import io.plumbline.query.quarters.model.TeamQuarter;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored team-quarter rows, by id ({@link TeamQuarter#id}): what a team's reads show. */
public interface TeamQuarterRows extends MongoRepository<TeamQuarter, String> {}
