package io.plumbline.query;

import io.plumbline.supervision.ExitWithParent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Projects Plumbline's events into read models and serves maturity figures. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class QueryServiceApplication {

  public static void main(String[] args) {
    // under the local launcher: end when it ends, however it ended
    ExitWithParent.watchIfAsked();
    SpringApplication.run(QueryServiceApplication.class, args);
  }

  /** What Tomcat refuses by itself is answered as problem+json too. */
  @org.springframework.context.annotation.Bean
  org.springframework.boot.web.server.WebServerFactoryCustomizer<
          org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory>
      problemErrorPages() {
    return io.plumbline.service.web.ProblemErrorReportValve.customizer();
  }
}
