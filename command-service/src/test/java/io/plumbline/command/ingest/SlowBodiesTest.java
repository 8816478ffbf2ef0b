package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * 500 connections — more than twice Tomcat's threads — none with a token, each dripping a body one
 * byte at a time: a CI client with a token is delayed by less than a second.
 */
@EmbeddedInfrastructureTest
class SlowBodiesTest {

  private static final int SLOW_CLIENTS = 500;

  @LocalServerPort int port;

  @Test
  void slowBodiesWithoutATokenDoNotStarveAnAuthenticatedSubmission() throws Exception {
    submit();
    long quiet = System.nanoTime();
    assertThat(submit().getStatusCode().value()).isEqualTo(202);
    Duration unloaded = Duration.ofNanos(System.nanoTime() - quiet);
    List<Socket> sockets = new ArrayList<>();
    ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sockets.add(socket);
      }
      drip.scheduleAtFixedRate(
          () -> {
            for (Socket socket : sockets) {
              try {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
              } catch (Exception closedByTheServer) {
                // what should happen to them
              }
            }
          },
          500,
          500,
          TimeUnit.MILLISECONDS);
      Thread.sleep(1_000);

      long started = System.nanoTime();
      // starved, it would wait for ever: give up after 10 s
      ResponseEntity<String> answer =
          java.util.concurrent.CompletableFuture.supplyAsync(this::submit)
              .get(10, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
      assertThat(took.minus(unloaded))
          .as("delayed by the slow clients")
          .isLessThan(Duration.ofSeconds(1));
    } finally {
      drip.shutdownNow();
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  private ResponseEntity<String> submit() {
    String s = UUID.randomUUID().toString().substring(0, 8);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return TestTokens.client(port, TestTokens.ADMIN)
        .postForEntity(
            "/api/v1/events",
            new HttpEntity<>(
                "{\"type\":\"GroupDefined\",\"eventId\":\"slow-%s\",\"groupId\":\"slow-%s\",\"name\":\"G\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
                    .formatted(s, s),
                headers),
            String.class);
  }
}
