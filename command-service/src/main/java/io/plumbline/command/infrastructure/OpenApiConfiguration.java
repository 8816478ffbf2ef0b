package io.plumbline.command.infrastructure;

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
                .title("Plumbline command service")
                .version("v1")
                .description(
                    "Submit SRE adoption evidence from CI. Every refusal is RFC 9457 problem+json with a stable type per reason."))
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
