package io.plumbline.conformance;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Puts {@link DocumentedResponses} in front of everything else in a test's web server, security
 * included, with the document named after the service: {@code plumbline-command-service} is checked
 * against {@code ../docs/openapi/command-service.json}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DocumentedResponsesConfiguration {

  @Bean
  FilterRegistrationBean<DocumentedResponses> documentedResponses(Environment environment)
      throws IOException {
    String service =
        environment.getRequiredProperty("spring.application.name").replaceFirst("^plumbline-", "");
    Path document = Path.of("..", "docs", "openapi", service + ".json");
    FilterRegistrationBean<DocumentedResponses> registration =
        new FilterRegistrationBean<>(new DocumentedResponses(document));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    // while the documents are being rewritten from the code, the old ones are not the measure
    registration.setEnabled(!Boolean.getBoolean("plumbline.openapi.update"));
    return registration;
  }
}
