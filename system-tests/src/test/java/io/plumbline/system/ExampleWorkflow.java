package io.plumbline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The example GitHub Actions workflow, run as a runner runs it: each {@code run} step with {@code
 * bash -eo pipefail} in the workspace, the job's environment as written (the secret filled in, the
 * URL and team pointed at the stack under test) and the variables a runner sets. A step that still
 * holds a {@code ${{ }}} expression is refused: the runner would have filled it in, and this test
 * could not know with what.
 */
final class ExampleWorkflow {

  record StepRun(String name, int exitCode, String output) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode job;

  private ExampleWorkflow(JsonNode job) {
    this.job = job;
  }

  static ExampleWorkflow read(Path ciDir) throws IOException {
    JsonNode workflow = YAML.readTree(ciDir.resolve("github-actions-example.yml").toFile());
    return new ExampleWorkflow(workflow.path("jobs").elements().next());
  }

  List<StepRun> run(Path workspace, String url, String token, String team, String runId)
      throws IOException, InterruptedException {
    Map<String, String> env = new LinkedHashMap<>();
    job.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    env.put("PLUMBLINE_URL", url);
    env.put("PLUMBLINE_TOKEN", token); // ${{ secrets.PLUMBLINE_TOKEN }}
    env.put("PLUMBLINE_TEAM", team);
    env.putAll(
        Map.of(
            "CI",
            "true",
            "GITHUB_ACTIONS",
            "true",
            "GITHUB_RUN_ID",
            runId,
            "GITHUB_RUN_ATTEMPT",
            "1",
            "GITHUB_WORKSPACE",
            workspace.toString(),
            "RUNNER_TEMP",
            Files.createTempDirectory("runner-temp").toString()));
    List<StepRun> runs = new ArrayList<>();
    for (JsonNode step : job.path("steps")) {
      if (!step.has("run")) {
        continue; // actions/checkout: the workspace is already there
      }
      String script = step.path("run").asText();
      if (script.contains("${{")) {
        throw new IllegalStateException(
            "step '" + step.path("name").asText() + "' uses an expression; use the environment");
      }
      ProcessBuilder builder =
          new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
              .directory(workspace.toFile())
              .redirectErrorStream(true);
      builder.environment().putAll(env);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("step did not finish: " + output);
      }
      runs.add(new StepRun(step.path("name").asText(), process.exitValue(), output));
      if (process.exitValue() != 0) {
        break; // a runner stops the job at the first failing step
      }
    }
    return runs;
  }
}
