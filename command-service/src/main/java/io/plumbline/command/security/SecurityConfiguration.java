package io.plumbline.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.service.security.TokenSecuredApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Team and admin tokens may submit evidence (which team's evidence is checked per event); only
 * admin tokens manage tokens. Metrics and the CI client are open here too (the command side's
 * metrics name no team).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(HttpSecurity http, TokenIntrospector introspector, ObjectMapper json)
      throws Exception {
    return TokenSecuredApi.chain(
        http,
        introspector,
        json,
        auth ->
            auth.requestMatchers("/actuator/prometheus", "/ci/plumbline", "/ci/plumbline.sha256")
                .permitAll()
                .requestMatchers("/api/v1/admin/**")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/events/batch")
                .hasAnyRole("TEAM", "ADMIN", "APPROVER")
                .requestMatchers("/api/v1/teams/{teamId}/**")
                .hasAnyRole("TEAM", "ADMIN")
                .anyRequest()
                .hasRole("ADMIN"));
  }
}
