package io.plumbline.query;

import io.plumbline.conformance.DocumentedResponsesConfiguration;
import io.plumbline.conformance.DocumentedResponsesExtension;
import io.plumbline.embedded.SharedInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring Boot test of the whole query service over the JVM's shared in-process broker and
 * database; every response it gives is checked against the checked-in OpenAPI document.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ContextConfiguration(initializers = SharedInfrastructureInitializer.class)
@Import(DocumentedResponsesConfiguration.class)
@ExtendWith(DocumentedResponsesExtension.class)
public @interface EmbeddedInfrastructureTest {}
