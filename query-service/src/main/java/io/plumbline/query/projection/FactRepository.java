package io.plumbline.query.projection;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The facts read model. */
public interface FactRepository extends MongoRepository<Fact, String> {}
