package io.plumbline.command;

import io.plumbline.supervision.ExitWithParent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Accepts adoption evidence, enforces its invariants and stores it as events. */
@SpringBootApplication
public class CommandServiceApplication {

  /** Axon's switch for its update checker, which reports to AxonIQ unless told not to. */
  static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

  public static void main(String[] args) {
    // Plumbline does not phone home on its users' behalf; set the property to false to opt in.
    if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
      System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
    }
    // under the local launcher: end when it ends, however it ended
    ExitWithParent.watchIfAsked();
    SpringApplication.run(CommandServiceApplication.class, args);
  }

  /** What Tomcat refuses by itself is answered as problem+json too. */
  @org.springframework.context.annotation.Bean
  org.springframework.boot.web.server.WebServerFactoryCustomizer<
          org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory>
      problemErrorPages() {
    return io.plumbline.service.web.ProblemErrorReportValve.customizer();
  }
}
