package io.plumbline.local;

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
      assertThat(s.at("/build/target").asText()).isEqualTo(service);
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
            "Secret",
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
  }

  @Test
  void everyDashboardPanelQueriesTheProvisionedPrometheus() throws IOException {
    String datasource =
        YAML.readTree(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yaml").toFile())
            .at("/datasources/0/uid")
            .asText();
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
      dashboards = files.sorted().toList();
    }
    assertThat(dashboards).hasSize(3);
    for (Path file : dashboards) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      assertThat(dashboard.path("uid").asText()).isNotBlank();
      assertThat(dashboard.path("panels")).isNotEmpty();
      for (JsonNode panel : dashboard.path("panels")) {
        assertThat(panel.at("/datasource/uid").asText())
            .as("%s %s", file, panel.path("title"))
            .isEqualTo(datasource);
        assertThat(panel.path("targets")).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText())
              .as("%s %s", file, panel.path("title"))
              .isNotBlank();
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
