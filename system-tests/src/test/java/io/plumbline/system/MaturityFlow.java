package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/**
 * The walking skeleton's promise, as a newcomer's curl session would check it: a team with a tier-1
 * service and an SLO with an error-budget policy reads as SLO level 2.
 */
final class MaturityFlow {

  /** An instant in the current quarter, so that "this quarter" criteria see the events. */
  static final String NOW = Instant.now().minus(1, ChronoUnit.MINUTES).toString();

  private MaturityFlow() {}

  static void registerTeamWithTier1Service(PlumblineClient client, String team) {
    accepted(
        client,
        """
        {"type":"GroupDefined","eventId":"g-%1$s","groupId":"grp-%1$s","name":"Engineering",
         "occurredAt":"%2$s"}"""
            .formatted(team, NOW));
    accepted(
        client,
        """
        {"type":"TeamRegistered","eventId":"t-%1$s","teamId":"%1$s","name":"Checkout",
         "groupId":"grp-%1$s","occurredAt":"%2$s"}"""
            .formatted(team, NOW));
    accepted(
        client,
        """
        {"type":"ServiceRegistered","eventId":"s-%1$s","teamId":"%1$s","serviceId":"api",
         "name":"Checkout API","tier":1,"occurredAt":"%2$s"}"""
            .formatted(team, NOW));
  }

  static String sloWithPolicy(String team, String objective) {
    return """
        {"type":"SloDefined","eventId":"slo-%1$s","teamId":"%1$s","sloId":"availability",
         "serviceId":"api","sliKind":"AVAILABILITY","objectivePercent":%3$s,"windowDays":30,
         "errorBudgetPolicy":true,"burnRateAlerts":false,"occurredAt":"%2$s"}"""
        .formatted(team, NOW, objective);
  }

  static void accepted(PlumblineClient client, String event) {
    PlumblineClient.Answer answer = client.submit(event);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
  }

  static JsonNode awaitMaturity(
      PlumblineClient client, String team, Duration timeout, Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              PlumblineClient.Answer answer = client.maturity(team);
              last[0] = answer.body();
              return answer.status() == 200 && condition.test(answer.body());
            });
    return last[0];
  }

  /** Runs the whole flow and returns how long the SLO took to show up on the read side. */
  static Duration teamWithSloPolicyReadsAsSloLevel2(PlumblineClient client, String team) {
    registerTeamWithTier1Service(client, team);
    Instant submitted = Instant.now();
    accepted(client, sloWithPolicy(team, "99.9"));

    JsonNode maturity =
        awaitMaturity(
            client, team, Duration.ofSeconds(30), m -> m.at("/practices/slos/level").asInt() == 2);
    Duration visibleAfter = Duration.between(submitted, Instant.now());

    assertThat(maturity.at("/practices/slos/name").asText()).isEqualTo("OWNED");
    assertThat(maturity.path("overallLevel").asInt()).isZero();
    assertThat(maturity.path("score").decimalValue()).isEqualByComparingTo("10.0");
    assertThat(maturity.at("/practices/slos/criteria/1/evidence/0").asText())
        .isEqualTo("slo-" + team);
    return visibleAfter;
  }
}
