package io.plumbline.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings both services share (which actuator endpoints they expose, what readiness waits
 * for), from {@code plumbline-service-defaults.yml}, after every other source: a service's own
 * configuration or the environment overrides any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

  static final String FILE = "plumbline-service-defaults.yml";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      new YamlPropertySourceLoader()
          .load("plumbline service defaults", new ClassPathResource(FILE))
          .forEach(source -> environment.getPropertySources().addLast(source));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + FILE, e);
    }
  }
}
