package io.plumbline.service.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's OpenAPI description: its title, summary and server from {@code
 * plumbline.openapi.*}, the license, the bearer scheme both services share and the problem
 * responses of every operation. The checked-in copy under docs/openapi must match it, and every
 * response the tests receive must be one it describes.
 */
@AutoConfiguration
public class OpenApiDescription {

  @Bean
  OpenAPI plumblineOpenApi(
      @Value("${plumbline.openapi.title}") String title,
      @Value("${plumbline.openapi.description}") String description,
      @Value("${plumbline.openapi.server}") String server) {
    return new OpenAPI()
        .info(
            new Info()
                .title(title)
                .version("v1")
                .description(description)
                .license(
                    new License()
                        .name("Apache 2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")))
        .addServersItem(
            new Server()
                .url(server)
                .description(
                    "The embedded stack's default address; behind a deployment, its own host"))
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

  @Bean
  ProblemDocumentation plumblineProblemDocumentation() {
    return new ProblemDocumentation();
  }
}
