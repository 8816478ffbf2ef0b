package io.plumbline.query.infrastructure;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's OpenAPI description; the checked-in copy under docs/openapi must match it. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI plumblineOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Plumbline query service")
                .version("v1")
                .description(
                    "Maturity levels, quarterly rollups, explanations and rubric administration. Every refusal is RFC 9457 problem+json."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("plt_<id>_<secret> tokens, or the bootstrap admin token")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
