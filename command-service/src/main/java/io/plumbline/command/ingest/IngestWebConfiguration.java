package io.plumbline.command.ingest;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Applies the ingest limits to the ingest endpoints. */
@Configuration(proxyBeanMethods = false)
class IngestWebConfiguration implements WebMvcConfigurer {

  private final IngestLimits limits;

  IngestWebConfiguration(IngestLimits limits) {
    this.limits = limits;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(limits).addPathPatterns("/api/v1/events", "/api/v1/events/batch");
  }
}
