package io.plumbline.embedded;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot test at the JVM's shared broker and database, starting them on first use.
 * Use with {@code @ContextConfiguration(initializers = SharedInfrastructureInitializer.class)}.
 */
public class SharedInfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    String database = context.getEnvironment().getProperty("spring.data.mongodb.database");
    Map<String, Object> properties =
        Map.of(
            "spring.data.mongodb.uri",
            infra.mongo().connectionString() + "/" + database,
            "spring.kafka.bootstrap-servers",
            infra.kafka().bootstrapServers());
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("plumbline-shared-test-infrastructure", properties));
  }
}
