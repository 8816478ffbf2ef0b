package io.plumbline.command.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.plumbline.service.tokens.TokenCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer token into a caller. Stored tokens are cached briefly, so a revocation takes
 * effect within the cache's lifetime.
 */
@Component
class TokenIntrospector implements OpaqueTokenIntrospector {

  private final TokenCheck check;
  private final Cache<String, Optional<TokenCheck.Holder>> cache;

  TokenIntrospector(
      MongoTemplate mongo,
      @Value("${plumbline.security.bootstrap-admin-token:}") String bootstrapAdminToken,
      @Value("${plumbline.security.token-cache:10s}") Duration cacheFor) {
    this.cache = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(100_000).build();
    this.check =
        new TokenCheck(
            id ->
                cache.get(
                    id,
                    key ->
                        Optional.ofNullable(mongo.findById(key, StoredToken.class))
                            .map(StoredToken::holder)),
            bootstrapAdminToken);
  }

  void forget(String tokenId) {
    cache.invalidate(tokenId);
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    TokenCheck.Holder holder =
        check
            .verify(token)
            .orElseThrow(() -> new BadOpaqueTokenException("Unknown or revoked token"));
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(Caller.SCOPE, holder.scope().name());
    if (holder.teamId() != null) {
      attributes.put(Caller.TEAM, holder.teamId());
    }
    return new DefaultOAuth2AuthenticatedPrincipal(
        holder.tokenId(),
        attributes,
        List.of(new SimpleGrantedAuthority("ROLE_" + holder.scope().name())));
  }
}
