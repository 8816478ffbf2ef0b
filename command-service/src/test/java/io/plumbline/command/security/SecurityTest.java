package io.plumbline.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who may submit what: the team/reader/admin matrix, revocation, and malformed credentials. */
@EmbeddedInfrastructureTest
class SecurityTest {

  @LocalServerPort int port;
  TestRestTemplate http;
  @Autowired ObjectMapper json;

  private String s;

  @BeforeEach
  void org() {
    http = TestTokens.anonymous(port);
    s = UUID.randomUUID().toString().substring(0, 8);
    assertThat(post(TestTokens.ADMIN, "/api/v1/events", group()).getStatusCode().value())
        .isEqualTo(202);
    assertThat(post(TestTokens.ADMIN, "/api/v1/events", team("a")).getStatusCode().value())
        .isEqualTo(202);
    assertThat(post(TestTokens.ADMIN, "/api/v1/events", team("b")).getStatusCode().value())
        .isEqualTo(202);
  }

  private String group() {
    return "{\"type\":\"GroupDefined\",\"eventId\":\"g-%s\",\"groupId\":\"g-%s\",\"name\":\"G\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
        .formatted(s, s);
  }

  private String team(String t) {
    return "{\"type\":\"TeamRegistered\",\"eventId\":\"t%s-%s\",\"teamId\":\"%s-%s\",\"name\":\"T\",\"groupId\":\"g-%s\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"
        .formatted(t, s, t, s, s);
  }

  private String toil(String t, String eventId) {
    return "{\"type\":\"ToilMeasured\",\"eventId\":\"%s\",\"teamId\":\"%s-%s\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":10,\"opsHours\":100,\"occurredAt\":\"2026-02-01T00:00:00Z\"}"
        .formatted(eventId, t, s);
  }

  private String createToken(String scope, String teamId) throws Exception {
    String body =
        teamId == null
            ? "{\"name\":\"ci\",\"scope\":\"%s\"}".formatted(scope)
            : "{\"name\":\"ci\",\"scope\":\"%s\",\"teamId\":\"%s\"}".formatted(scope, teamId);
    ResponseEntity<String> created = post(TestTokens.ADMIN, "/api/v1/admin/tokens", body);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return json.readTree(created.getBody()).path("token").asText();
  }

  private ResponseEntity<String> post(String token, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      headers.set(HttpHeaders.AUTHORIZATION, token.startsWith("Basic") ? token : "Bearer " + token);
    }
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode problem(ResponseEntity<String> response, int status) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    return json.readTree(response.getBody());
  }

  @Test
  void aTeamTokenSubmitsForItsOwnTeam() throws Exception {
    String token = createToken("TEAM", "a-" + s);

    assertThat(post(token, "/api/v1/events", toil("a", "m1-" + s)).getStatusCode().value())
        .isEqualTo(202);
  }

  @Test
  void aTeamTokenIsForbiddenToSubmitForAnotherTeam() throws Exception {
    String token = createToken("TEAM", "a-" + s);

    JsonNode problem = problem(post(token, "/api/v1/events", toil("b", "m2-" + s)), 403);

    assertThat(problem.path("reason").asText()).isEqualTo("wrong-team");
  }

  @Test
  void aTeamTokenCannotChangeTheOrgStructure() throws Exception {
    String token = createToken("TEAM", "a-" + s);

    JsonNode problem = problem(post(token, "/api/v1/events", team("c")), 403);

    assertThat(problem.path("reason").asText()).isEqualTo("admin-only");
  }

  private String exemption(String t, String eventId) {
    return "{\"type\":\"ExemptionGranted\",\"eventId\":\"%s\",\"teamId\":\"%s-%s\",\"exemptionId\":\"%s\",\"criterionId\":\"toil.capped\",\"reason\":\"Migration\",\"approvedBy\":\"VP\",\"expiresAt\":\"2026-06-01T00:00:00Z\",\"occurredAt\":\"2026-02-01T00:00:00Z\"}"
        .formatted(eventId, t, s, eventId);
  }

  @Test
  void anApproverTokenGrantsExemptionsForAnyTeamAndSubmitsNothingElse() throws Exception {
    String token = createToken("APPROVER", null);

    assertThat(post(token, "/api/v1/events", exemption("a", "ex1-" + s)).getStatusCode().value())
        .isEqualTo(202);
    assertThat(post(token, "/api/v1/events", exemption("b", "ex2-" + s)).getStatusCode().value())
        .isEqualTo(202);
    assertThat(
            problem(post(token, "/api/v1/events", toil("a", "m4-" + s)), 403)
                .path("reason")
                .asText())
        .isEqualTo("exemptions-only");
    assertThat(problem(post(token, "/api/v1/events", team("d")), 403).path("reason").asText())
        .isEqualTo("exemptions-only");
  }

  @Test
  void aTeamTokenCannotExemptItself() throws Exception {
    String token = createToken("TEAM", "a-" + s);

    JsonNode problem = problem(post(token, "/api/v1/events", exemption("a", "ex3-" + s)), 403);

    assertThat(problem.path("reason").asText()).isEqualTo("admin-only");
  }

  @Test
  void aReaderTokenCannotSubmit() throws Exception {
    String token = createToken("READER", null);

    JsonNode problem = problem(post(token, "/api/v1/events", toil("a", "m3-" + s)), 403);

    assertThat(problem.path("reason").asText()).isEqualTo("insufficient-scope");
  }

  @Test
  void aTeamTokenCannotManageTokens() throws Exception {
    String token = createToken("TEAM", "a-" + s);

    problem(post(token, "/api/v1/admin/tokens", "{\"name\":\"x\",\"scope\":\"ADMIN\"}"), 403);
  }

  @Test
  void aRevokedTokenIsRefused() throws Exception {
    String token = createToken("TEAM", "a-" + s);
    String id = token.split("_")[1];
    HttpHeaders admin = new HttpHeaders();
    admin.setBearerAuth(TestTokens.ADMIN);
    http.exchange(
        "/api/v1/admin/tokens/" + id, HttpMethod.DELETE, new HttpEntity<>(admin), Void.class);

    JsonNode problem = problem(post(token, "/api/v1/events", toil("a", "m4-" + s)), 401);

    assertThat(problem.path("reason").asText()).isEqualTo("unauthenticated");
  }

  @Test
  void missingMalformedAndUnknownCredentialsAreUnauthenticated() throws Exception {
    problem(post(null, "/api/v1/events", toil("a", "m5-" + s)), 401);
    problem(post("Basic dXNlcjpwYXNz", "/api/v1/events", toil("a", "m5-" + s)), 401);
    problem(post("plt_notreallyatoken", "/api/v1/events", toil("a", "m5-" + s)), 401);
    problem(
        post("plt_abcdefghijkl_" + "x".repeat(43), "/api/v1/events", toil("a", "m5-" + s)), 401);
  }

  @Test
  void listingTokensNeverShowsSecretsOrHashes() throws Exception {
    String token = createToken("READER", null);
    HttpHeaders admin = new HttpHeaders();
    admin.setBearerAuth(TestTokens.ADMIN);

    String list =
        http.exchange("/api/v1/admin/tokens", HttpMethod.GET, new HttpEntity<>(admin), String.class)
            .getBody();

    // plt_<12-character id>_<secret>; the secret may itself hold '_'
    String id = token.substring(4, 16);
    String secret = token.substring(17);
    assertThat(list).contains(id).doesNotContain(secret);
    assertThat(list).doesNotContain("secretHash");
  }

  @Test
  void aTeamTokenWithoutTeamIsRefused() throws Exception {
    JsonNode problem =
        problem(
            post(TestTokens.ADMIN, "/api/v1/admin/tokens", "{\"name\":\"x\",\"scope\":\"TEAM\"}"),
            422);

    assertThat(problem.path("field").asText()).isEqualTo("teamId");
  }
}
