package io.plumbline.command.team;

import static io.plumbline.events.build.SloDefinedBuilder.anSloDefined;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.postmortem.Severity;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import io.plumbline.events.runbook.RunbookReviewed;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import io.plumbline.events.toil.ToilMeasured;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admission follows the team's timeline, not the order of arrival: a fact dated within the life of
 * what it is about is accepted whenever it arrives; one dated outside is refused naming that life;
 * an end dated before accepted facts is refused naming them.
 */
class AdmissionByTimeTest {

  private static final String TEAM = "checkout";

  private final GroupDirectory groups = mock(GroupDirectory.class);
  private AggregateTestFixture<Team> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Team.class);
    fixture.registerInjectableResource(groups);
    when(groups.exists("payments")).thenReturn(true);
  }

  private static Instant nov(int day) {
    return Instant.parse("2026-11-%02dT09:00:00Z".formatted(day));
  }

  private static TeamRegistered registered() {
    return new TeamRegistered("reg", TEAM, "Checkout", "payments", nov(2));
  }

  private static ServiceRegistered service() {
    return new ServiceRegistered("svc", TEAM, "api", "API", 1, nov(2));
  }

  private static SloDefined slo(String eventId, Instant at) {
    return anSloDefined()
        .withEventId(eventId)
        .withErrorBudgetPolicy(true)
        .withOccurredAt(at)
        .build();
  }

  private static ToilMeasured toil(String eventId, String start, String end, Instant at) {
    return new ToilMeasured(
        eventId,
        TEAM,
        Instant.parse(start),
        Instant.parse(end),
        new BigDecimal("6"),
        new BigDecimal("40"),
        at);
  }

  private static ActionItem item() {
    return new ActionItem("AI-1", nov(30));
  }

  @Test
  void aFactDatedBeforeTheTeamRetiredIsAcceptedAfterTheRetirementArrived() {
    ToilMeasured late = toil("toil-late", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", nov(10));
    fixture
        .given(registered(), new TeamRetired("ret", TEAM, nov(20)))
        .when(new TeamSubmission(late))
        .expectSuccessfulHandlerExecution()
        .expectEvents(late);
  }

  @Test
  void aFactDatedAfterTheTeamRetiredIsRefusedNamingTheRetirement() {
    fixture
        .given(registered(), new TeamRetired("ret", TEAM, nov(20)))
        .when(
            new TeamSubmission(
                toil("toil-after", "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z", nov(25))))
        .expectExceptionMessage(
            "Team 'checkout' retired at 2026-11-20T09:00:00Z; the event is dated"
                + " 2026-11-25T09:00:00Z, after that.")
        .expectNoEvents();
  }

  @Test
  void evidenceFromBeforeTheTeamWasRegisteredInPlumblineIsAccepted() {
    ToilMeasured earlier =
        toil("toil-early", "2026-10-19T00:00:00Z", "2026-10-26T00:00:00Z", nov(1));
    fixture.given(registered()).when(new TeamSubmission(earlier)).expectEvents(earlier);
  }

  @Test
  void aRetirementDatedBeforeAcceptedEvidenceIsRefusedNamingIt() {
    fixture
        .given(
            registered(),
            service(),
            toil("toil-1", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", nov(10)),
            toil("toil-2", "2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z", nov(17)))
        .when(new TeamSubmission(new TeamRetired("ret", TEAM, nov(12))))
        .expectException(
            Matchers.predicate(
                e ->
                    e instanceof CommandRejectedException r
                        && r.reason() == Reason.EVIDENCE_AFTER_END
                        && r.getMessage()
                            .equals(
                                "Team 'checkout' has accepted events dated after"
                                    + " 2026-11-12T09:00:00Z: toil-2; an end dated before them"
                                    + " would invalidate them.")))
        .expectNoEvents();
  }

  @Test
  void aRetirementAtTheInstantOfTheLastFactIsAcceptedAndSoIsTheFactArrivingAfterIt() {
    ToilMeasured last = toil("toil-1", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", nov(10));
    fixture
        .given(registered(), last)
        .when(new TeamSubmission(new TeamRetired("ret", TEAM, nov(10))))
        .expectEvents(new TeamRetired("ret", TEAM, nov(10)));
    fixture
        .given(registered(), new TeamRetired("ret", TEAM, nov(10)))
        .when(new TeamSubmission(last))
        .expectEvents(last);
  }

  @Test
  void aReviewDatedBeforeTheSloRetiredIsAcceptedAfterTheRetirementArrived() {
    SloReviewed review = new SloReviewed("rev", TEAM, "availability", nov(10));
    fixture
        .given(
            registered(),
            service(),
            slo("def", nov(3)),
            new SloRetired("slo-ret", TEAM, "availability", nov(20)))
        .when(new TeamSubmission(review))
        .expectEvents(review);
  }

  @Test
  void anSloRetirementDatedBeforeAcceptedReviewsIsRefusedNamingThem() {
    fixture
        .given(
            registered(),
            service(),
            slo("def", nov(3)),
            new SloReviewed("rev-1", TEAM, "availability", nov(10)),
            new SloReviewed("rev-2", TEAM, "availability", nov(12)))
        .when(new TeamSubmission(new SloRetired("slo-ret", TEAM, "availability", nov(8))))
        .expectExceptionMessage(
            "SLO 'availability' has accepted events dated after 2026-11-08T09:00:00Z: rev-1,"
                + " rev-2; an end dated before them would invalidate them.")
        .expectNoEvents();
  }

  @Test
  void aReviewDatedBeforeTheSloWasDefinedInPlumblineIsAccepted() {
    // OpenSLO reconciles define SLOs as of the reconcile; the reviews before it are history
    SloReviewed review = new SloReviewed("rev", TEAM, "availability", nov(5));
    fixture
        .given(registered(), service(), slo("def", nov(10)))
        .when(new TeamSubmission(review))
        .expectEvents(review);
  }

  @Test
  void aServiceRetirementDatedBeforeAnSloOfItIsRefused() {
    fixture
        .given(registered(), service(), slo("def", nov(10)))
        .when(new TeamSubmission(new ServiceRetired("svc-ret", TEAM, "api", nov(6))))
        .expectExceptionMessage(
            "Service 'api' has accepted events dated after 2026-11-06T09:00:00Z: def; an end"
                + " dated before them would invalidate them.")
        .expectNoEvents();
  }

  @Test
  void aRunbookReviewDatedWithinItsLifeIsAcceptedWheneverItArrives() {
    RunbookReviewed review = new RunbookReviewed("rb-rev", TEAM, "rb-1", nov(8));
    fixture
        .given(
            registered(),
            service(),
            new RunbookPublished(
                "rb-pub", TEAM, "rb-1", "api", List.of("HighLatency"), true, nov(3)),
            new RunbookRetired("rb-ret", TEAM, "rb-1", nov(15)))
        .when(new TeamSubmission(review))
        .expectEvents(review);
  }

  @Test
  void aPostmortemDatedBeforeItsIncidentBeganIsRefused() {
    fixture
        .given(
            registered(),
            new IncidentRecorded("inc", TEAM, "INC-1", Severity.SEV2, nov(5), nov(6), nov(6)))
        .when(
            new TeamSubmission(
                new PostmortemPublished(
                    "pm", TEAM, "PM-1", "INC-1", true, List.of(item()), List.of(), nov(4))))
        .expectExceptionMessage(
            "Incident 'INC-1' began at 2026-11-05T09:00:00Z; the event is dated"
                + " 2026-11-04T09:00:00Z, before that.")
        .expectNoEvents();
  }

  @Test
  void anActionItemClosedBeforeItsPostmortemIsRefused() {
    fixture
        .given(
            registered(),
            new IncidentRecorded("inc", TEAM, "INC-1", Severity.SEV2, nov(5), nov(6), nov(6)),
            new PostmortemPublished(
                "pm", TEAM, "PM-1", "INC-1", true, List.of(item()), List.of(), nov(8)))
        .when(new TeamSubmission(new ActionItemClosed("close", TEAM, "PM-1", "AI-1", true, nov(7))))
        .expectExceptionMessage(
            "Action item 'AI-1' began at 2026-11-08T09:00:00Z; the event is dated"
                + " 2026-11-07T09:00:00Z, before that.")
        .expectNoEvents();
  }

  @Test
  void aReMeasurementOfTheSamePeriodIsAccepted() {
    ToilMeasured again =
        toil("toil-rerun", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", nov(11));
    fixture
        .given(
            registered(), toil("toil-1", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", nov(10)))
        .when(new TeamSubmission(again))
        .expectEvents(again);
  }

  @Test
  void aMeasurementOverlappingAnotherInPartIsRefusedNamingIt() {
    fixture
        .given(
            registered(), toil("toil-1", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", nov(10)))
        .when(
            new TeamSubmission(
                toil("toil-2", "2026-11-05T00:00:00Z", "2026-11-12T00:00:00Z", nov(13))))
        .expectException(
            Matchers.predicate(
                e ->
                    e instanceof CommandRejectedException r
                        && r.reason() == Reason.OVERLAPPING_PERIOD
                        && r.getMessage().contains("measured by event 'toil-1'")))
        .expectNoEvents();
  }
}
