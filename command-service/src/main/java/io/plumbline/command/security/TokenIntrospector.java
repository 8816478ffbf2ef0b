package io.plumbline.command.security;

import io.plumbline.service.security.CachedTokenIntrospector;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Bearer tokens checked against the tokens this service administers, in its own database. */
@Component
public class TokenIntrospector extends CachedTokenIntrospector {

  public TokenIntrospector(
      StoredTokens tokens,
      @Value("${plumbline.security.bootstrap-admin-token:}") String bootstrapAdminToken,
      @Value("${plumbline.security.token-cache:10s}") Duration cacheFor) {
    super(id -> tokens.findById(id).map(StoredToken::holder), bootstrapAdminToken, cacheFor);
  }
}
