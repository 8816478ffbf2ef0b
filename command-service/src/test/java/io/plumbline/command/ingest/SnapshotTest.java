package io.plumbline.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.command.EmbeddedInfrastructureTest;
import io.plumbline.command.TestTokens;
import io.plumbline.command.infrastructure.CommitLogEventStorageEngine;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A team with a long history loads from a snapshot and still knows every event id. */
@EmbeddedInfrastructureTest
class SnapshotTest {

  @LocalServerPort int port;
  TestRestTemplate http;
  @Autowired MongoTemplate mongo;
  @Autowired org.axonframework.common.caching.Cache teamCache;

  private int post(String body) {
    if (http == null) {
      http = TestTokens.client(port, TestTokens.ADMIN);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/v1/events", new HttpEntity<>(body, headers), String.class)
        .getStatusCode()
        .value();
  }

  @Test
  void aSnapshottedTeamStillRecognisesRetriesAndReusedIds() {
    String s = UUID.randomUUID().toString().substring(0, 8);
    String at = "\"occurredAt\":\"2026-03-01T00:00:00Z\"";
    assertThat(
            post(
                "{\"type\":\"GroupDefined\",\"eventId\":\"g-%s\",\"groupId\":\"g-%s\",\"name\":\"G\",%s}"
                    .formatted(s, s, at)))
        .isEqualTo(202);
    assertThat(
            post(
                "{\"type\":\"TeamRegistered\",\"eventId\":\"t-%s\",\"teamId\":\"t-%s\",\"name\":\"T\",\"groupId\":\"g-%s\",%s}"
                    .formatted(s, s, s, at)))
        .isEqualTo(202);
    assertThat(
            post(
                "{\"type\":\"ServiceRegistered\",\"eventId\":\"s-%s\",\"teamId\":\"t-%s\",\"serviceId\":\"api\",\"name\":\"API\",\"tier\":1,%s}"
                    .formatted(s, s, at)))
        .isEqualTo(202);
    for (int i = 0; i < 12; i++) {
      String toil =
          "{\"type\":\"ToilMeasured\",\"eventId\":\"m-%s-%d\",\"teamId\":\"t-%s\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":%d,\"opsHours\":100,%s}"
              .formatted(s, i, s, i, at);
      assertThat(post(toil)).isEqualTo(202);
    }

    long snapshots =
        mongo
            .getCollection(CommitLogEventStorageEngine.SNAPSHOTS)
            .countDocuments(new Document("aggregateIdentifier", "team:t-" + s));
    assertThat(snapshots).isPositive();
    String first =
        "{\"type\":\"ToilMeasured\",\"eventId\":\"m-%s-0\",\"teamId\":\"t-%s\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":%d,\"opsHours\":100,%s}";
    assertThat(post(first.formatted(s, s, 0, at))).isEqualTo(200);
    assertThat(post(first.formatted(s, s, 7, at))).isEqualTo(409);
    assertThat(
            post(
                "{\"type\":\"ServiceRegistered\",\"eventId\":\"s2-%s\",\"teamId\":\"t-%s\",\"serviceId\":\"api\",\"name\":\"API\",\"tier\":1,%s}"
                    .formatted(s, s, at)))
        .isEqualTo(409);
  }

  /**
   * A snapshot written by an older shape of the team (another revision) is not read: the team is
   * rebuilt from its events, and still knows what it accepted.
   */
  @Test
  void aSnapshotOfAnOlderShapeIsIgnored() {
    String s = UUID.randomUUID().toString().substring(0, 8);
    String at = "\"occurredAt\":\"2026-03-01T00:00:00Z\"";
    post(
        "{\"type\":\"GroupDefined\",\"eventId\":\"g-%s\",\"groupId\":\"g-%s\",\"name\":\"G\",%s}"
            .formatted(s, s, at));
    post(
        "{\"type\":\"TeamRegistered\",\"eventId\":\"t-%s\",\"teamId\":\"t-%s\",\"name\":\"T\",\"groupId\":\"g-%s\",%s}"
            .formatted(s, s, s, at));
    String service =
        "{\"type\":\"ServiceRegistered\",\"eventId\":\"s-%s\",\"teamId\":\"t-%s\",\"serviceId\":\"api\",\"name\":\"API\",\"tier\":1,%s}"
            .formatted(s, s, at);
    assertThat(post(service)).isEqualTo(202);
    for (int i = 0; i < 12; i++) {
      post(
          "{\"type\":\"ToilMeasured\",\"eventId\":\"m-%s-%d\",\"teamId\":\"t-%s\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":%d,\"opsHours\":100,%s}"
              .formatted(s, i, s, i, at));
    }
    var snapshots = mongo.getCollection(CommitLogEventStorageEngine.SNAPSHOTS);
    Document snapshot = snapshots.find(new Document("_id", "team:t-" + s)).first();
    assertThat(snapshot).isNotNull();
    assertThat(snapshot.getString("payloadRevision"))
        .isEqualTo(io.plumbline.command.team.Team.SNAPSHOT_REVISION);
    // what an older build left behind: another revision, a state that knows nothing
    snapshots.replaceOne(
        new Document("_id", "team:t-" + s),
        snapshot
            .append("payloadRevision", "1")
            .append("payload", "{\"aggregateId\":\"team:t-" + s + "\"}"));
    teamCache.remove("team:t-" + s);

    assertThat(post(service)).isEqualTo(200);
    assertThat(post(service.replace("\"tier\":1", "\"tier\":2"))).isEqualTo(409);
  }
}
