package io.plumbline.command.security;

import io.plumbline.service.tokens.TokenCheck;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** The authenticated caller of a request: its token id, scope and (for team tokens) team. */
public record Caller(String tokenId, TokenCheck.Scope scope, String teamId) {

  static final String SCOPE = io.plumbline.service.security.CachedTokenIntrospector.SCOPE;
  static final String TEAM = io.plumbline.service.security.CachedTokenIntrospector.TEAM;

  public static Caller of(Authentication authentication) {
    OAuth2AuthenticatedPrincipal principal =
        (OAuth2AuthenticatedPrincipal) authentication.getPrincipal();
    return new Caller(
        principal.getName(),
        TokenCheck.Scope.valueOf(principal.getAttribute(SCOPE)),
        principal.getAttribute(TEAM));
  }

  public boolean isAdmin() {
    return scope == TokenCheck.Scope.ADMIN;
  }
}
