package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the deployment files an operator runs without editing: the compose file, the Kubernetes
 * manifests, the image build and the dashboards are complete and consistent with each other.
 */
class DeployFilesTest {

  private static final YAMLFactory YAML_FACTORY = new YAMLFactory();
  private static final ObjectMapper YAML = JsonMapper.builder(YAML_FACTORY).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DEPLOY = Path.of(System.getProperty("plumbline.deployDir", "deploy"));

  @Test
  void theComposeFileRunsTheWholeStackWithAReplicaSet() throws IOException {
    JsonNode services = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile()).path("services");

    assertThat(services.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "mongo", "kafka", "command-service", "query-service", "prometheus", "grafana");
    assertThat(services.at("/mongo/command").toString()).contains("--replSet");
    for (String service : List.of("command-service", "query-service")) {
      JsonNode s = services.path(service);
      assertThat(s.at("/image").asText()).endsWith("/" + service + ":${PLUMBLINE_VERSION:-0.1.0}");
      // acknowledged means journaled on a majority: it survives a failover
      assertThat(s.at("/environment/MONGODB_URI").asText())
          .contains("replicaSet=rs0")
          .contains("w=majority")
          .contains("journal=true");
      assertThat(s.at("/environment/KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
      assertThat(s.at("/environment/PLUMBLINE_SECURITY_BOOTSTRAP_ADMIN_TOKEN").asText())
          .isNotBlank();
      assertThat(s.at("/healthcheck/test").toString()).contains("/actuator/health/readiness");
    }
    for (String service : List.of("prometheus", "grafana")) {
      for (JsonNode volume : services.path(service).path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith("./")) {
          assertThat(DEPLOY.resolve(source)).as("mounted into %s", service).exists();
        }
      }
    }
  }

  @Test
  void bothServicesWriteToMongoDbWithMajorityJournaledAcknowledgements() throws IOException {
    List<JsonNode> uris =
        manifests().stream()
            .filter(m -> m.path("kind").asText().equals("ConfigMap"))
            .map(m -> m.at("/data/MONGODB_URI"))
            .filter(uri -> !uri.isMissingNode())
            .toList();
    assertThat(uris).hasSize(2);
    for (JsonNode uri : uris) {
      assertThat(uri.asText()).contains("replicaSet=rs0", "w=majority", "journal=true");
    }
  }

  @Test
  void everyServiceDeploymentHasProbesResourcesAndRunsAsNonRoot() throws IOException {
    List<JsonNode> manifests = manifests();
    List<String> kinds = manifests.stream().map(m -> m.path("kind").asText()).toList();

    assertThat(kinds)
        .contains(
            "Namespace",
            "NetworkPolicy",
            "ConfigMap",
            "Deployment",
            "Service",
            "StatefulSet",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "Job");
    List<JsonNode> deployments =
        manifests.stream().filter(m -> m.path("kind").asText().equals("Deployment")).toList();
    assertThat(deployments)
        .extracting(d -> d.at("/metadata/name").asText())
        .containsExactlyInAnyOrder("command-service", "query-service");
    for (JsonNode deployment : deployments) {
      JsonNode pod = deployment.at("/spec/template/spec");
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      JsonNode container = pod.at("/containers/0");
      assertThat(container.at("/readinessProbe/httpGet/path").asText())
          .isEqualTo("/actuator/health/readiness");
      assertThat(container.at("/livenessProbe/httpGet/path").asText())
          .isEqualTo("/actuator/health/liveness");
      assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
      assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
      assertThat(container.at("/env/0/valueFrom/secretKeyRef/name").asText())
          .isEqualTo("plumbline-admin-token");
    }
    JsonNode hpa =
        manifests.stream()
            .filter(m -> m.path("kind").asText().equals("HorizontalPodAutoscaler"))
            .findFirst()
            .orElseThrow();
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("query-service");
    assertThat(
            manifests.stream().filter(m -> m.path("kind").asText().equals("PodDisruptionBudget")))
        .hasSize(2);
  }

  @Test
  void theImagesAreBuiltForBothServicesAndRunAsNonRoot() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));

    assertThat(dockerfile).contains("AS command-service", "AS query-service", "USER 10001");
    assertThat(dockerfile)
        .as("a dependency cache and a health check")
        .contains("--mount=type=cache,target=/root/.m2")
        .contains("HEALTHCHECK")
        .contains("http://127.0.0.1:8080/actuator/health/readiness")
        .contains("http://127.0.0.1:8081/actuator/health/readiness");
  }

  /** What an image runs is listed: the SBOM travels inside each service's jar, so in its image. */
  @Test
  void eachServiceJarCarriesACycloneDxBillOfMaterialsOfWhatItRuns() throws IOException {
    Map<String, String> oneDependencyEach =
        Map.of("command-service", "axon-messaging", "query-service", "spring-kafka");
    for (Map.Entry<String, String> service : oneDependencyEach.entrySet()) {
      Path jar =
          DEPLOY
              .resolve("..")
              .resolve(service.getKey())
              .resolve("target")
              .resolve(service.getKey() + "-exec.jar");
      JsonNode bom;
      try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
        java.util.jar.JarEntry entry = file.getJarEntry("META-INF/sbom/application.cdx.json");
        assertThat(entry).as("the SBOM in %s", jar).isNotNull();
        bom = new ObjectMapper().readTree(file.getInputStream(entry));
      }
      assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
      assertThat(bom.path("metadata").path("component").path("name").asText())
          .isEqualTo(service.getKey());
      List<String> components = new ArrayList<>();
      bom.path("components").forEach(c -> components.add(c.path("name").asText()));
      assertThat(components).as(service.getKey()).contains(service.getValue(), "shared-events");
    }
  }

  @Test
  void theBuildContextCarriesNoLocalDataNoSecretsAndNoBuildOutput() throws IOException {
    List<String> ignored =
        Files.readAllLines(DEPLOY.resolve("../.dockerignore")).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();

    assertThat(ignored).contains(".plumbline", "**/target", ".git", "deploy/.env");
  }

  @Test
  void composeKeepsEveryStatefulServicesDataOnItsVolumeAndBindsToLoopback() throws IOException {
    JsonNode compose = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
    JsonNode services = compose.path("services");
    // where each image keeps its data, set explicitly in the file rather than left to the image
    Map<String, String> dataDirs =
        Map.of(
            "mongo", argumentAfter(services.at("/mongo/command"), "--dbpath"),
            "kafka", services.at("/kafka/environment/KAFKA_LOG_DIRS").asText(),
            "prometheus", flag(services.at("/prometheus/command"), "--storage.tsdb.path="),
            "grafana", services.at("/grafana/environment/GF_PATHS_DATA").asText());
    dataDirs.forEach(
        (service, dir) -> {
          assertThat(dir).as("%s names its data directory", service).isNotBlank();
          List<String> volumes = new ArrayList<>();
          services.path(service).path("volumes").forEach(v -> volumes.add(v.asText()));
          assertThat(volumes)
              .as("%s keeps %s on a named volume", service, dir)
              .anyMatch(v -> !v.startsWith(".") && v.endsWith(":" + dir));
        });
    services
        .fields()
        .forEachRemaining(
            service -> {
              for (JsonNode port : service.getValue().path("ports")) {
                assertThat(port.asText())
                    .as("%s publishes on loopback unless told otherwise", service.getKey())
                    .startsWith("${PLUMBLINE_BIND:-127.0.0.1}:");
              }
              assertThat(service.getValue().has("build"))
                  .as("%s: images here, builds in compose.build.yaml", service.getKey())
                  .isFalse();
            });
    assertThat(services.at("/grafana/environment/GF_SECURITY_ADMIN_PASSWORD").asText())
        .isEqualTo("${GRAFANA_ADMIN_PASSWORD:?set GRAFANA_ADMIN_PASSWORD}");
    JsonNode builds = YAML.readTree(DEPLOY.resolve("compose.build.yaml").toFile()).path("services");
    for (String service : List.of("command-service", "query-service")) {
      assertThat(builds.at("/" + service + "/build/target").asText()).isEqualTo(service);
      assertThat(
              DEPLOY.resolve("..").resolve(builds.at("/" + service + "/build/dockerfile").asText()))
          .exists();
    }
  }

  @Test
  void everyPodMeetsTheRestrictedPodSecurityStandard() throws IOException {
    List<JsonNode> manifests = manifests();
    JsonNode namespace =
        manifests.stream()
            .filter(m -> m.path("kind").asText().equals("Namespace"))
            .findFirst()
            .orElseThrow();
    assertThat(namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText())
        .isEqualTo("restricted");
    List<JsonNode> pods =
        manifests.stream()
            .filter(
                m -> List.of("Deployment", "StatefulSet", "Job").contains(m.path("kind").asText()))
            .map(m -> m.at("/spec/template/spec"))
            .toList();
    assertThat(pods).hasSize(5);
    for (JsonNode pod : pods) {
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
      assertThat(pod.at("/securityContext/seccompProfile/type").asText())
          .isEqualTo("RuntimeDefault");
      for (JsonNode container : pod.path("containers")) {
        String name = container.path("name").asText();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").isBoolean())
            .as(name)
            .isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean())
            .as(name)
            .isFalse();
        assertThat(container.at("/securityContext/capabilities/drop").toString())
            .as(name)
            .isEqualTo("[\"ALL\"]");
        assertThat(container.at("/resources/requests/memory").asText()).as(name).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asText()).as(name).isNotBlank();
      }
    }
  }

  @Test
  void applyingTheDirectoryWritesNoSecretAndLetsOnlyThePicturesFlowsIn() throws IOException {
    List<JsonNode> manifests = manifests();
    assertThat(manifests).noneMatch(m -> m.path("kind").asText().equals("Secret"));
    assertThat(DEPLOY.resolve("k8s/admin-token-secret.yaml.example")).exists();

    List<JsonNode> policies =
        manifests.stream().filter(m -> m.path("kind").asText().equals("NetworkPolicy")).toList();
    JsonNode denyAll =
        policies.stream()
            .filter(p -> p.at("/spec/podSelector").isEmpty() && !p.at("/spec").has("ingress"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no default-deny ingress policy"));
    assertThat(denyAll.at("/spec/policyTypes").toString()).contains("Ingress");
    String all = policies.toString();
    assertThat(all).contains("27017", "9092", "8080", "8081");
    JsonNode kafka =
        manifests.stream()
            .filter(m -> m.path("kind").asText().equals("StatefulSet"))
            .filter(m -> m.at("/metadata/name").asText().equals("kafka"))
            .findFirst()
            .orElseThrow();
    assertThat(kafka.at("/spec/template/spec/containers/0/readinessProbe/exec/command").toString())
        .as("ready means it speaks Kafka")
        .contains("kafka-broker-api-versions.sh");
  }

  private static String argumentAfter(JsonNode command, String flag) {
    for (int i = 0; i + 1 < command.size(); i++) {
      if (command.get(i).asText().equals(flag)) {
        return command.get(i + 1).asText();
      }
    }
    return "";
  }

  private static String flag(JsonNode command, String prefix) {
    for (JsonNode argument : command) {
      if (argument.asText().startsWith(prefix)) {
        return argument.asText().substring(prefix.length());
      }
    }
    return "";
  }

  /**
   * Every dashboard imports into an existing Grafana as well as it is provisioned here: the data
   * source is a variable (declared as an import input), never a uid of ours; every panel says what
   * it shows, in units, levels by their names; tables ask for one instant.
   */
  @Test
  void everyDashboardFollowsGrafanasConventionsForImport() throws IOException {
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
      dashboards = files.sorted().toList();
    }
    assertThat(dashboards).hasSize(4);
    for (Path file : dashboards) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      String name = file.getFileName().toString();
      assertThat(dashboard.path("uid").asText()).isNotBlank();
      assertThat(dashboard.at("/__inputs/0/pluginId").asText()).as(name).isEqualTo("prometheus");
      JsonNode variables = dashboard.at("/templating/list");
      assertThat(variables.path(0).path("type").asText()).as(name).isEqualTo("datasource");
      assertThat(variables.path(0).path("query").asText()).as(name).isEqualTo("prometheus");
      for (JsonNode variable : variables) {
        if (variable.path("type").asText().equals("query")) {
          assertThat(variable.path("multi").asBoolean()).as(name).isTrue();
          assertThat(variable.path("includeAll").asBoolean()).as(name).isTrue();
          assertThat(variable.at("/query/query").asText()).as(name).contains("plumbline_team_info");
        }
      }
      assertThat(dashboard.path("links")).as(name + " links to the others").isNotEmpty();
      assertThat(dashboard.path("panels")).isNotEmpty();
      for (JsonNode panel : dashboard.path("panels")) {
        String where = name + " / " + panel.path("title").asText();
        assertThat(panel.at("/datasource/uid").asText()).as(where).isEqualTo("${datasource}");
        assertThat(panel.path("description").asText()).as(where).isNotBlank();
        JsonNode defaults = panel.at("/fieldConfig/defaults");
        assertThat(defaults.path("unit").asText()).as(where).isNotBlank().isNotEqualTo("reqps");
        assertThat(panel.path("targets")).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asText();
          assertThat(expr).as(where).isNotBlank();
          assertThat(target.at("/datasource/uid").asText()).as(where).isEqualTo("${datasource}");
          if (panel.path("type").asText().equals("table")) {
            assertThat(target.path("instant").asBoolean()).as(where + " is instant").isTrue();
          }
          if (expr.contains("plumbline_team_level") && !expr.contains("changes(")) {
            assertThat(defaults.path("min").asInt(-1)).as(where).isZero();
            assertThat(defaults.path("max").asInt()).as(where).isEqualTo(5);
            assertThat(defaults.path("mappings").toString())
                .as(where + " names the levels")
                .contains("0 None", "3 Proactive", "5 Multiplying");
          }
        }
      }
    }
  }

  private static List<JsonNode> manifests() throws IOException {
    List<JsonNode> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (YAMLParser parser = YAML_FACTORY.createParser(file.toFile())) {
          while (parser.nextToken() != null) {
            JsonNode doc = YAML.readTree(parser);
            if (doc != null && !doc.isEmpty()) {
              assertThat(doc.path("apiVersion").asText()).as(file.toString()).isNotBlank();
              assertThat(doc.at("/metadata/name").asText()).as(file.toString()).isNotBlank();
              manifests.add(doc);
            }
          }
        }
      }
    }
    return manifests;
  }
}
