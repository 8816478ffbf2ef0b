package io.plumbline.command.exemption;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.command.team.Team;
import io.plumbline.command.team.TeamSubmission;
import io.plumbline.events.exemption.ExemptionGranted;
import io.plumbline.events.exemption.ExemptionRevoked;
import io.plumbline.events.org.TeamRegistered;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exemption names a criterion the rubric has and expires after it is granted; an exemption id is
 * granted once; a revocation is dated within the exemption's life, once.
 */
class ExemptionsTest {

  private static final String TEAM = "checkout";

  private final GroupDirectory groups = mock(GroupDirectory.class);
  private AggregateTestFixture<Team> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Team.class);
    fixture.registerInjectableResource(groups);
    when(groups.exists("payments")).thenReturn(true);
  }

  private static Instant day(String day) {
    return Instant.parse(day + "T09:00:00Z");
  }

  private static TeamRegistered registered() {
    return new TeamRegistered("reg", TEAM, "Checkout", "payments", day("2026-01-05"));
  }

  private static ExemptionGranted grant(String criterion, String at, String expires) {
    return new ExemptionGranted(
        "grant-1",
        TEAM,
        "ex-1",
        criterion,
        "Runbooks are being rewritten",
        "VP Engineering",
        day(expires),
        day(at));
  }

  @Test
  void anApproverExemptsATeamFromACriterionUntilAnInstant() {
    ExemptionGranted grant = grant("runbook.reviewed-proactive", "2026-03-02", "2026-07-01");
    fixture.given(registered()).when(new TeamSubmission(grant)).expectEvents(grant);
  }

  @Test
  void rejectsACriterionTheRubricDoesNotHave() {
    fixture
        .given(registered())
        .when(new TeamSubmission(grant("runbook.vibes", "2026-03-02", "2026-07-01")))
        .expectException(rejected(Reason.UNKNOWN_CRITERION, "criterionId"))
        .expectNoEvents();
  }

  @Test
  void rejectsAnExpiryThatIsNotAfterTheGrant() {
    fixture
        .given(registered())
        .when(new TeamSubmission(grant("toil.capped", "2026-03-02", "2026-03-01")))
        .expectException(rejected(Reason.EXPIRY_NOT_AFTER_GRANT, "expiresAt"))
        .expectNoEvents();
  }

  @Test
  void anExemptionIdIsGrantedOnce() {
    ExemptionGranted again =
        new ExemptionGranted(
            "grant-2",
            TEAM,
            "ex-1",
            "toil.capped",
            "another",
            "CTO",
            day("2026-09-01"),
            day("2026-04-01"));
    fixture
        .given(registered(), grant("toil.capped", "2026-03-02", "2026-07-01"))
        .when(new TeamSubmission(again))
        .expectException(rejected(Reason.ALREADY_EXISTS, "exemptionId"))
        .expectNoEvents();
  }

  @Test
  void aRevocationEndsTheExemptionOnce() {
    ExemptionRevoked revoked = new ExemptionRevoked("revoke-1", TEAM, "ex-1", day("2026-05-02"));
    fixture
        .given(registered(), grant("toil.capped", "2026-03-02", "2026-07-01"))
        .when(new TeamSubmission(revoked))
        .expectEvents(revoked);
    fixture
        .given(registered(), grant("toil.capped", "2026-03-02", "2026-07-01"), revoked)
        .when(new TeamSubmission(new ExemptionRevoked("revoke-2", TEAM, "ex-1", day("2026-05-03"))))
        .expectException(rejected(Reason.EXEMPTION_REVOKED, "occurredAt"))
        .expectNoEvents();
  }

  @Test
  void rejectsRevokingAnUnknownExemptionOrBeforeItWasGranted() {
    fixture
        .given(registered())
        .when(new TeamSubmission(new ExemptionRevoked("revoke-1", TEAM, "ex-9", day("2026-05-02"))))
        .expectException(rejected(Reason.UNKNOWN_EXEMPTION, "exemptionId"));
    fixture
        .given(registered(), grant("toil.capped", "2026-03-02", "2026-07-01"))
        .when(new TeamSubmission(new ExemptionRevoked("revoke-1", TEAM, "ex-1", day("2026-03-01"))))
        .expectException(rejected(Reason.DATED_BEFORE_START, "occurredAt"))
        .expectNoEvents();
  }

  private static org.hamcrest.Matcher<?> rejected(Reason reason, String field) {
    return Matchers.predicate(
        e ->
            e instanceof CommandRejectedException r
                && r.reason() == reason
                && field.equals(r.field()));
  }
}
