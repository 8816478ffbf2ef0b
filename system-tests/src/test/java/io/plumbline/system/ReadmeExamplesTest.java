package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.local.LocalStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell examples are product: every block that talks to the stack runs, in order, as a
 * newcomer pastes them, against a fresh embedded stack, and none answers an HTTP error. Only the
 * ports differ (the stack runs on free ones) — the examples' curl is given {@code
 * --fail-with-body}, so any 4xx or 5xx stops the run and names the block.
 */
class ReadmeExamplesTest {

  private static final Path README =
      Path.of(System.getProperty("plumbline.readme", "../README.md"));
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```sh\\n(.*?)^```");

  @TempDir static Path dataDir;
  private static LocalStack stack;

  @BeforeAll
  static void start() {
    stack = LocalStack.start(TestStacks.config(dataDir));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyExampleThatTalksToTheStackRunsInOrderWithoutAnHttpError(@TempDir Path work)
      throws Exception {
    for (String tool : List.of("curl", "jq", "sha256sum", "bash")) {
      Assumptions.assumeTrue(
          which(tool) != null, tool + " is not installed; the README's examples use it");
    }
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(Files.readString(README));
    while (m.find()) {
      if (m.group(1).contains("127.0.0.1:808")) {
        blocks.add(m.group(1));
      }
    }
    assertThat(blocks).as("the README's API examples").hasSizeGreaterThanOrEqualTo(8);

    // what the start command leaves for them: the admin token where the README reads it
    Files.createDirectories(work.resolve(".plumbline"));
    Files.writeString(work.resolve(".plumbline/admin-token"), stack.adminToken());
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path curl = bin.resolve("curl");
    // examples that already fail on errors (-f, --fail-with-body) are left as they are
    String real = which("curl");
    Files.writeString(
        curl,
        "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --fail|--fail-with-body) exec "
            + real
            + " --max-time 30 \"$@\" ;; --*) ;; -*f*) exec "
            + real
            + " --max-time 30 \"$@\" ;; esac; done\nexec "
            + real
            + " --fail-with-body --max-time 30 \"$@\"\n");
    Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));

    StringBuilder script = new StringBuilder("set -euo pipefail\n");
    for (int i = 0; i < blocks.size(); i++) {
      script
          .append("echo '### README example ")
          .append(i + 1)
          .append("'\n")
          .append(
              blocks
                  .get(i)
                  .replace("127.0.0.1:8080", "127.0.0.1:" + stack.config().commandPort())
                  .replace("127.0.0.1:8081", "127.0.0.1:" + stack.config().queryPort()))
          .append('\n');
    }
    Files.writeString(work.resolve("readme.sh"), script);
    Path log = work.resolve("readme.log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "readme.sh")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process run = builder.start();
    boolean ended = run.waitFor(Duration.ofMinutes(3).toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      run.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    String tail = output.length() > 4000 ? "…" + output.substring(output.length() - 4000) : output;
    assertThat(ended).as("the examples ended within 3 minutes:%n%s", tail).isTrue();
    assertThat(run.exitValue()).as("the examples ran without an HTTP error:%n%s", tail).isZero();
    // and they did what they say: the quick start's team is there, the CI client was fetched
    assertThat(output).contains("\"teamId\":\"checkout\"", "plumbline: OK");
    assertThat(new PlumblineClient(stack).maturity("ledger").status()).isEqualTo(200);
  }

  private static String which(String tool) throws IOException {
    for (String dir : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
