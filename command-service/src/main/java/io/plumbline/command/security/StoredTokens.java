package io.plumbline.command.security;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The API tokens as stored, by id. */
public interface StoredTokens extends MongoRepository<StoredToken, String> {}
