package io.plumbline.query.security;

import com.mongodb.client.MongoClient;
import io.plumbline.service.security.CachedTokenIntrospector;
import io.plumbline.service.tokens.TokenCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Checks bearer tokens against the token store the command service administers (its database, read
 * only here), cached briefly so that revocations take effect within seconds.
 */
@Component
class TokenIntrospector extends CachedTokenIntrospector {

  TokenIntrospector(
      MongoClient client,
      @Value("${plumbline.security.tokens-database:plumbline}") String tokensDatabase,
      @Value("${plumbline.security.bootstrap-admin-token:}") String bootstrapAdminToken,
      @Value("${plumbline.security.bootstrap-metrics-token:}") String bootstrapMetricsToken,
      @Value("${plumbline.security.token-cache:10s}") Duration cacheFor) {
    super(
        lookup(new MongoTemplate(client, tokensDatabase)),
        bootstrapAdminToken,
        bootstrapMetricsToken,
        cacheFor);
  }

  private static java.util.function.Function<String, Optional<TokenCheck.Holder>> lookup(
      MongoTemplate tokens) {
    return id ->
        Optional.ofNullable(tokens.findById(id, StoredToken.class)).map(StoredToken::holder);
  }

  /** The command service's stored token, as far as checking it needs. */
  @Document("api_tokens")
  record StoredToken(
      @Id String id, TokenCheck.Scope scope, String teamId, String secretHash, Instant revokedAt) {
    TokenCheck.Holder holder() {
      return new TokenCheck.Holder(id, scope, teamId, revokedAt != null, secretHash);
    }
  }
}
