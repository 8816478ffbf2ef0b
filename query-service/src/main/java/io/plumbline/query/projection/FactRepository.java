package io.plumbline.query.projection;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The facts read model. */
public interface FactRepository extends MongoRepository<Fact, String> {

  List<Fact> findByTeamId(String teamId);

  boolean existsByTeamIdAndType(String teamId, String type);
}
