package io.plumbline.query.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoClient;
import io.plumbline.service.tokens.TokenCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Checks bearer tokens against the token store the command service administers (its database, read
 * only here), cached briefly so that revocations take effect within seconds.
 */
@Component
class TokenIntrospector implements OpaqueTokenIntrospector {

  static final String TEAM = "teamId";

  private final TokenCheck check;

  TokenIntrospector(
      MongoClient client,
      @Value("${plumbline.security.tokens-database:plumbline}") String tokensDatabase,
      @Value("${plumbline.security.bootstrap-admin-token:}") String bootstrapAdminToken,
      @Value("${plumbline.security.token-cache:10s}") Duration cacheFor) {
    MongoTemplate tokens = new MongoTemplate(client, tokensDatabase);
    Cache<String, Optional<TokenCheck.Holder>> cache =
        Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(100_000).build();
    this.check =
        new TokenCheck(
            id ->
                cache.get(
                    id,
                    key ->
                        Optional.ofNullable(tokens.findById(key, StoredToken.class))
                            .map(StoredToken::holder)),
            bootstrapAdminToken);
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    TokenCheck.Holder holder =
        check
            .verify(token)
            .orElseThrow(() -> new BadOpaqueTokenException("Unknown or revoked token"));
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("scope", holder.scope().name());
    if (holder.teamId() != null) {
      attributes.put(TEAM, holder.teamId());
    }
    return new DefaultOAuth2AuthenticatedPrincipal(
        holder.tokenId(),
        attributes,
        List.of(new SimpleGrantedAuthority("ROLE_" + holder.scope().name())));
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
