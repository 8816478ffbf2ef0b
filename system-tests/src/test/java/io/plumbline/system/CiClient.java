package io.plumbline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ci-client/plumbline as a pipeline would: a POSIX shell, curl, and environment. */
final class CiClient {

  record Run(int exitCode, String output) {}

  private final String url;
  private final String token;
  private final String team;

  CiClient(String url, String token, String team) {
    this.url = url;
    this.token = token;
    this.team = team;
  }

  Run run(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("sh", Path.of(System.getProperty("plumbline.ciClient")).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PLUMBLINE_URL", url);
    builder.environment().put("PLUMBLINE_TOKEN", token);
    builder.environment().put("PLUMBLINE_TEAM", team);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the CI client did not finish: " + output);
    }
    return new Run(process.exitValue(), output);
  }
}
