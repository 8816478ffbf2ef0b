package io.plumbline.command;

import io.plumbline.embedded.SharedTestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A Spring Boot test of the whole command service over the JVM's shared in-process broker and
 * database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedInfrastructureTest.Initializer.class)
public @interface EmbeddedInfrastructureTest {

  /** Points the service at the shared broker and database, starting them on first use. */
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      SharedTestInfrastructure infra = SharedTestInfrastructure.get();
      TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
          context,
          "spring.data.mongodb.uri=" + infra.mongo().connectionString() + "/plumbline",
          "spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers());
    }
  }
}
