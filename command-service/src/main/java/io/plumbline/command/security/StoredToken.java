package io.plumbline.command.security;

import io.plumbline.service.tokens.TokenCheck;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An API token as stored: its public id and the hash of its secret, never the secret. */
@Document("api_tokens")
public record StoredToken(
    @Id String id,
    String name,
    TokenCheck.Scope scope,
    String teamId,
    String secretHash,
    Instant createdAt,
    Instant revokedAt) {

  TokenCheck.Holder holder() {
    return new TokenCheck.Holder(id, scope, teamId, revokedAt != null, secretHash);
  }
}
