package io.plumbline.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.service.security.CachedTokenIntrospector;
import io.plumbline.service.security.TokenSecuredApi;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Reader and admin tokens read everything; a team token reads its own team's figures only; the
 * rubric administration and publishing quarters are for admins. The metrics name every team and
 * group, so they need a metrics, reader or admin token; health and the API description are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Set<String> READERS = Set.of("ROLE_READER", "ROLE_ADMIN", "ROLE_APPROVER");

  @Bean
  SecurityFilterChain api(HttpSecurity http, TokenIntrospector introspector, ObjectMapper json)
      throws Exception {
    return TokenSecuredApi.chain(
        http,
        introspector,
        json,
        auth ->
            auth
                // the figures of every team and group by name: no more than the API shows
                .requestMatchers("/actuator/prometheus")
                .hasAnyRole("METRICS", "READER", "ADMIN", "APPROVER")
                .requestMatchers("/api/v1/admin/**")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/quarters/*/publish")
                .hasRole("ADMIN")
                // the listing: a team token gets its own row only (see TeamsController)
                .requestMatchers(HttpMethod.GET, "/api/v1/teams", "/api/v1/teams.csv")
                .hasAnyRole("TEAM", "READER", "ADMIN", "APPROVER")
                .requestMatchers("/api/v1/teams/{teamId}/**")
                .access(readerOrOwnTeam())
                .anyRequest()
                .hasAnyRole("READER", "ADMIN", "APPROVER"));
  }

  private static AuthorizationManager<RequestAuthorizationContext> readerOrOwnTeam() {
    return (authentication, context) -> {
      var auth = authentication.get();
      if (auth == null || !auth.isAuthenticated()) {
        return new AuthorizationDecision(false);
      }
      boolean reader =
          auth.getAuthorities().stream()
              .map(GrantedAuthority::getAuthority)
              .anyMatch(READERS::contains);
      boolean ownTeam =
          auth.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal
              && context.getVariables().get("teamId") != null
              && context
                  .getVariables()
                  .get("teamId")
                  .equals(principal.getAttribute(CachedTokenIntrospector.TEAM));
      return new AuthorizationDecision(reader || ownTeam);
    };
  }
}
