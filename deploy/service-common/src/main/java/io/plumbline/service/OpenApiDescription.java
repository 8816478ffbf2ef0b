package io.plumbline.service;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's OpenAPI description: its title and summary from {@code plumbline.openapi.*}, the
 * bearer scheme both services share. The checked-in copy under docs/openapi must match it.
 */
@AutoConfiguration
public class OpenApiDescription {

  @Bean
  OpenAPI plumblineOpenApi(
      @Value("${plumbline.openapi.title}") String title,
      @Value("${plumbline.openapi.description}") String description) {
    return new OpenAPI()
        .info(new Info().title(title).version("v1").description(description))
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
