package io.plumbline.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.plumbline.service.tokens.TokenCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Turns a bearer token into a caller: its token id as the name, its scope as the role ({@code
 * ROLE_TEAM}, {@code ROLE_READER}, {@code ROLE_ADMIN}) and the attributes {@value #SCOPE} and
 * {@value #TEAM}. Stored tokens are cached per replica for a short while, so a revocation takes
 * effect on every replica within that while.
 */
public class CachedTokenIntrospector implements OpaqueTokenIntrospector {

  public static final String SCOPE = "scope";
  public static final String TEAM = "teamId";

  private final TokenCheck check;
  private final Cache<String, Optional<TokenCheck.Holder>> cache;

  /**
   * @param lookup the stored token of a token id, if there is one
   */
  public CachedTokenIntrospector(
      Function<String, Optional<TokenCheck.Holder>> lookup,
      String bootstrapAdminToken,
      Duration cacheFor) {
    this(lookup, bootstrapAdminToken, null, cacheFor);
  }

  /**
   * @param bootstrapMetricsToken a configured metrics-only token, or null/blank for none
   */
  public CachedTokenIntrospector(
      Function<String, Optional<TokenCheck.Holder>> lookup,
      String bootstrapAdminToken,
      String bootstrapMetricsToken,
      Duration cacheFor) {
    this.cache = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(100_000).build();
    this.check =
        new TokenCheck(id -> cache.get(id, lookup), bootstrapAdminToken, bootstrapMetricsToken);
  }

  /** Drops a token from this replica's cache, e.g. right after revoking it here. */
  public void forget(String tokenId) {
    cache.invalidate(tokenId);
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    TokenCheck.Holder holder =
        check
            .verify(token)
            .orElseThrow(() -> new BadOpaqueTokenException("Unknown or revoked token"));
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(SCOPE, holder.scope().name());
    if (holder.teamId() != null) {
      attributes.put(TEAM, holder.teamId());
    }
    return new DefaultOAuth2AuthenticatedPrincipal(
        holder.tokenId(),
        attributes,
        List.of(new SimpleGrantedAuthority("ROLE_" + holder.scope().name())));
  }
}
