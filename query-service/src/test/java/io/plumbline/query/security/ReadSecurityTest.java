package io.plumbline.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.service.tokens.ApiTokens;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** Who may read what, with tokens as the command service stores them. */
@EmbeddedInfrastructureTest
class ReadSecurityTest {

  @Autowired MongoClient mongo;
  @LocalServerPort int port;

  private String token(String scope, String teamId, boolean revoked) {
    ApiTokens.Issued issued = ApiTokens.issue();
    Document stored =
        new Document("_id", issued.id())
            .append("name", "test")
            .append("scope", scope)
            .append("teamId", teamId)
            .append("secretHash", issued.secretHash())
            .append("createdAt", new Date())
            .append("revokedAt", revoked ? new Date() : null);
    mongo.getDatabase("plumbline").getCollection("api_tokens").insertOne(stored);
    return issued.token();
  }

  private int status(String token, String path) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    TestRestTemplate http = new TestRestTemplate();
    return http.exchange(
            "http://127.0.0.1:" + port + path,
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class)
        .getStatusCode()
        .value();
  }

  @Test
  void anUnknownRouteAndHeadersTooLargeAreProblemsWithAReason() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token("READER", null, false));
    org.springframework.http.ResponseEntity<String> unknown =
        new TestRestTemplate()
            .exchange(
                "http://127.0.0.1:" + port + "/api/v1/nothing-here",
                HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);
    java.net.http.HttpResponse<String> huge =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/quarters"))
                    .header("X-Padding", "x".repeat(20_000))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody())
        .contains("\"reason\":\"not-found\"")
        .doesNotContain("about:blank");
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("\"reason\":\"bad-request\"").doesNotContain("<html");
  }

  @Test
  void aReaderReadsEverythingButTheRubricAdministration() {
    String reader = token("READER", null, false);

    assertThat(status(reader, "/api/v1/quarters")).isEqualTo(200);
    assertThat(status(reader, "/api/v1/teams/anyone/maturity")).isEqualTo(404);
    assertThat(status(reader, "/api/v1/admin/rubric")).isEqualTo(403);
  }

  @Test
  void anApproverReadsLikeAReaderAndAdministersNothing() {
    String approver = token("APPROVER", null, false);

    assertThat(status(approver, "/api/v1/quarters")).isEqualTo(200);
    assertThat(status(approver, "/api/v1/teams/anyone/maturity")).isEqualTo(404);
    assertThat(status(approver, "/api/v1/campaigns")).isEqualTo(200);
    assertThat(status(approver, "/api/v1/admin/rubric")).isEqualTo(403);
  }

  @Test
  void aTeamTokenReadsOnlyItsOwnTeam() {
    String team = token("TEAM", "checkout", false);

    assertThat(status(team, "/api/v1/teams/checkout/maturity")).isEqualTo(404);
    assertThat(status(team, "/api/v1/teams/payments/maturity")).isEqualTo(403);
    assertThat(status(team, "/api/v1/org/rollup")).isEqualTo(403);
  }

  @Test
  void missingRevokedAndForgedTokensAreUnauthenticated() {
    assertThat(status(null, "/api/v1/quarters")).isEqualTo(401);
    assertThat(status(token("READER", null, true), "/api/v1/quarters")).isEqualTo(401);
    String forged = token("READER", null, false).substring(0, 20) + "x".repeat(39);
    assertThat(status(forged, "/api/v1/quarters")).isEqualTo(401);
  }

  @Test
  void healthStaysOpenForProbesAndMetricsNeedATokenThatMayReadThem() {
    assertThat(status(null, "/actuator/health/readiness")).isEqualTo(200);
    // the metrics name every team and group: not for anonymous callers, nor for one team
    assertThat(status(null, "/actuator/prometheus")).isEqualTo(401);
    assertThat(status(token("TEAM", "checkout", false), "/actuator/prometheus")).isEqualTo(403);
    assertThat(status(token("METRICS", null, false), "/actuator/prometheus")).isEqualTo(200);
    assertThat(status(token("READER", null, false), "/actuator/prometheus")).isEqualTo(200);
    // and a metrics token reads nothing else
    assertThat(status(token("METRICS", null, false), "/api/v1/quarters")).isEqualTo(403);
    assertThat(status(token("METRICS", null, false), "/api/v1/teams/checkout/maturity"))
        .isEqualTo(403);
  }
}
