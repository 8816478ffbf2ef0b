package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.embedded.FreePorts;
import io.plumbline.local.PlumblineLocal;
import io.plumbline.local.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start command as an operator meets it, in a process of its own: it refuses ports that are
 * taken, restarts a service that dies, and when it is killed with SIGKILL mid-ingest its services
 * die with it; started again on the same data, it has lost nothing it acknowledged and publishes
 * what comes next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartCommandTest {

  @TempDir static Path dataDir;
  private static final int MONGO = FreePorts.next();
  private static final int KAFKA = FreePorts.next();
  private static final int CONTROLLER = FreePorts.next();
  private static final int COMMAND = FreePorts.next();
  private static final int QUERY = FreePorts.next();
  private static final AtomicInteger sequence = new AtomicInteger();
  private static final EventIdentities ids = new EventIdentities(id -> id.startsWith("sc-"));
  private static Process launcher;
  private static PlumblineClient client;

  @BeforeAll
  static void start() throws Exception {
    launcher = launch("first");
    client = new PlumblineClient(url(COMMAND), url(QUERY), adminToken());
    MaturityFlow.registerTeamWithTier1Service(client, "sc");
  }

  @AfterAll
  static void stop() throws Exception {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroy();
      launcher.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(0)
  void theBannerSaysWhereTheAdminTokenIsAndNeverPrintsIt() throws Exception {
    String said = Files.readString(dataDir.resolve("first.out"));

    assertThat(said)
        .contains("Plumbline is up")
        .contains(dataDir.resolve("admin-token").toString());
    assertThat(said).doesNotContain(adminToken());
  }

  @Test
  @Order(1)
  void aSecondStartOnTheSamePortsIsRefusedNamingThePortAndItsHolder() throws Exception {
    Path out = dataDir.resolve("second.out");
    Process second = command(dataDir.resolve("other"), out).start();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(second.exitValue()).isEqualTo(1);
    String said = Files.readString(out);
    assertThat(said)
        .contains("MongoDB port " + MONGO + " is in use")
        .contains("command service port " + COMMAND + " is in use")
        .containsPattern("by pid \\d+");
    assertThat(launcher.isAlive()).as("the first stack is untouched").isTrue();
  }

  @Test
  @Order(2)
  void aServiceThatDiesIsRestartedAndTheStackStaysUp() throws Exception {
    ProcessHandle commandService = serviceOnPort("command-service");
    commandService.destroyForcibly();
    commandService.onExit().get(30, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> submitOne().status() == 202);
    assertThat(launcher.isAlive()).isTrue();
    assertThat(serviceOnPort("command-service").pid()).isNotEqualTo(commandService.pid());
    assertThat(Files.readString(dataDir.resolve("first.out"))).contains("exited with code");
  }

  @Test
  @Order(3)
  void killedWithSigkillMidIngestItsServicesDieAndARestartHasLostNothing() throws Exception {
    List<ProcessHandle> children = launcher.descendants().toList();
    assertThat(children).hasSizeGreaterThanOrEqualTo(2);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<String> unanswered = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              while (writing.get()) {
                String event = toil();
                unanswered.set(event);
                try {
                  PlumblineClient.Answer answer = client.submit(event);
                  ids.recordSingle(idOf(event), answer);
                  unanswered.set(null);
                } catch (IllegalStateException gone) {
                  return; // the stack is gone; this event's outcome is unknown
                }
              }
            });
    writer.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> ids.acknowledged().size() >= 200);

    launcher.destroyForcibly();
    launcher.waitFor(10, TimeUnit.SECONDS);
    writing.set(false);
    writer.join(30_000);

    for (ProcessHandle child : children) {
      assertThat(child.onExit().get(15, TimeUnit.SECONDS).isAlive())
          .as("%s ends with the launcher", child.info().commandLine().orElse("a child"))
          .isFalse();
    }
    for (int port : List.of(MONGO, KAFKA, CONTROLLER, COMMAND, QUERY)) {
      await().atMost(Duration.ofSeconds(15)).until(() -> Ports.isFree(port));
    }

    launcher = launch("restarted");
    // as the CI client does: what was not answered is sent again
    if (unanswered.get() != null) {
      String event = unanswered.get();
      ids.recordSingle(idOf(event), client.submit(event));
    }
    for (int i = 0; i < 50; i++) {
      assertThat(submitOne().status()).as("new events after the restart").isEqualTo(202);
    }

    ids.assertExactlyOnceEverywhere("mongodb://127.0.0.1:" + MONGO, "127.0.0.1:" + KAFKA);
  }

  private static PlumblineClient.Answer submitOne() {
    String event = toil();
    PlumblineClient.Answer answer = client.submit(event);
    ids.recordSingle(idOf(event), answer);
    return answer;
  }

  private static String toil() {
    int n = sequence.incrementAndGet();
    return ("{\"type\":\"ToilMeasured\",\"eventId\":\"sc-%d\",\"teamId\":\"sc\","
            + "\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\","
            + "\"toilHours\":%d,\"opsHours\":100,\"occurredAt\":\"%s\"}")
        .formatted(n, n % 100, MaturityFlow.NOW);
  }

  private static String idOf(String event) {
    return event.substring(event.indexOf("sc-"), event.indexOf('"', event.indexOf("sc-")));
  }

  /** The service process listening on its port: a child of the launcher. */
  private static ProcessHandle serviceOnPort(String name) {
    return launcher
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " under the launcher"));
  }

  private static Process launch(String name) throws Exception {
    Path out = dataDir.resolve(name + ".out");
    Process process = command(dataDir, out).start();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("the start command exited: " + Files.readString(out));
              }
              return Files.readString(out).contains("Plumbline is up");
            });
    return process;
  }

  private static ProcessBuilder command(Path data, Path out) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(PlumblineLocal.class.getName());
    command.add("--data-dir=" + data);
    command.add("--mongo-port=" + MONGO);
    command.add("--kafka-port=" + KAFKA);
    command.add("--kafka-controller-port=" + CONTROLLER);
    command.add("--command-port=" + COMMAND);
    command.add("--query-port=" + QUERY);
    command.add("--command-jar=" + System.getProperty("plumbline.commandServiceJar"));
    command.add("--query-jar=" + System.getProperty("plumbline.queryServiceJar"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
  }

  private static String url(int port) {
    return "http://127.0.0.1:" + port;
  }

  private static String adminToken() throws IOException {
    return Files.readString(dataDir.resolve("admin-token")).trim();
  }
}
