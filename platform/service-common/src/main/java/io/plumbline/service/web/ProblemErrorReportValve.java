package io.plumbline.service.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * What Tomcat refuses before a request reaches the application — headers too large, a request line
 * it cannot parse — is answered as RFC 9457 problem+json with a reason, like every other refusal,
 * rather than Tomcat's HTML page (which also names the server and its version).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  /** Installs the valve in the services' Tomcat. */
  public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> customizer() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
              }
            });
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String reason =
        status == 400 ? "bad-request" : status == 413 ? "payload-too-large" : "http-" + status;
    String detail =
        status == 400
            ? "The request could not be read: its request line or headers are malformed or too"
                + " large."
            : "The request was refused before it reached Plumbline (HTTP %d).".formatted(status);
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            "{\"type\":\"urn:plumbline:problem:%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"reason\":\"%s\"}"
                .formatted(reason, title(status), status, detail, reason));
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone: nothing more to say
    }
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 413 -> "Content Too Large";
      default -> "Error";
    };
  }
}
