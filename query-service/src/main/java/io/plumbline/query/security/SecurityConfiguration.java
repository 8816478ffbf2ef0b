package io.plumbline.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Reader and admin tokens read everything; a team token reads its own team's figures only; the
 * rubric administration and publishing quarters are for admins. Health, metrics and the API
 * description are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Set<String> READERS = Set.of("ROLE_READER", "ROLE_ADMIN");

  @Bean
  SecurityFilterChain api(HttpSecurity http, TokenIntrospector introspector, ObjectMapper json)
      throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html",
                        "/error")
                    .permitAll()
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/v1/quarters/*/publish")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/v1/teams/{teamId}/**")
                    .access(readerOrOwnTeam())
                    .anyRequest()
                    .hasAnyRole("READER", "ADMIN"))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .opaqueToken(token -> token.introspector(introspector))
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          response.setHeader("WWW-Authenticate", "Bearer realm=\"plumbline\"");
                          write(
                              json,
                              response,
                              HttpStatus.UNAUTHORIZED,
                              "unauthenticated",
                              "A valid bearer token is required: Authorization: Bearer plt_…");
                        })
                    .accessDeniedHandler(
                        (request, response, e) ->
                            write(
                                json,
                                response,
                                HttpStatus.FORBIDDEN,
                                "insufficient-scope",
                                "This token's scope does not allow reading "
                                    + request.getRequestURI())))
        .build();
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
                  .equals(principal.getAttribute(TokenIntrospector.TEAM));
      return new AuthorizationDecision(reader || ownTeam);
    };
  }

  private static void write(
      ObjectMapper json,
      HttpServletResponse response,
      HttpStatus status,
      String reason,
      String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:plumbline:problem:" + reason));
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("reason", reason);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
