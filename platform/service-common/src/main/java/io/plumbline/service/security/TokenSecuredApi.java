package io.plumbline.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain both services build alike: stateless, no CSRF (bearer tokens, no cookies), the
 * health, info, API description and error pages open, bearer tokens checked by the service's
 * introspector, 401 and 403 answered as problem details. Which token may reach which path is the
 * service's own rule, given as {@code rules}.
 */
public final class TokenSecuredApi {

  /** What every service answers without a token. */
  private static final String[] OPEN = {
    "/actuator/health/**",
    "/actuator/info",
    "/v3/api-docs/**",
    "/swagger-ui/**",
    "/swagger-ui.html",
    "/error"
  };

  private TokenSecuredApi() {}

  public static SecurityFilterChain chain(
      HttpSecurity http,
      OpaqueTokenIntrospector introspector,
      ObjectMapper json,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry>
          rules)
      throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(OPEN).permitAll();
              rules.customize(auth);
            })
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .opaqueToken(token -> token.introspector(introspector))
                    .authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden()))
        .build();
  }
}
