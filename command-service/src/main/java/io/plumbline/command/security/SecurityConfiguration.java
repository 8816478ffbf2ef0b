package io.plumbline.command.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Team and admin tokens may submit evidence (which team's evidence is checked per event); only
 * admin tokens manage tokens. Health, metrics and the API description are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, TokenIntrospector introspector, ProblemResponses problems)
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
                        "/ci/plumbline",
                        "/ci/plumbline.sha256",
                        "/error")
                    .permitAll()
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/events/batch")
                    .hasAnyRole("TEAM", "ADMIN", "APPROVER")
                    .requestMatchers("/api/v1/teams/{teamId}/**")
                    .hasAnyRole("TEAM", "ADMIN")
                    .anyRequest()
                    .hasRole("ADMIN"))
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
