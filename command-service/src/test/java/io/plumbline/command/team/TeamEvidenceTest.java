package io.plumbline.command.team;

import static io.plumbline.events.build.ActionItemClosedBuilder.anActionItemClosed;
import static io.plumbline.events.build.AlertInventoryReportedBuilder.anAlertInventoryReported;
import static io.plumbline.events.build.IncidentRecordedBuilder.anIncidentRecorded;
import static io.plumbline.events.build.PostmortemPublishedBuilder.aPostmortemPublished;
import static io.plumbline.events.build.RunbookPublishedBuilder.aRunbookPublished;
import static io.plumbline.events.build.RunbookRetiredBuilder.aRunbookRetired;
import static io.plumbline.events.build.RunbookReviewedBuilder.aRunbookReviewed;
import static io.plumbline.events.build.ServiceRegisteredBuilder.aServiceRegistered;
import static io.plumbline.events.build.ServiceRetiredBuilder.aServiceRetired;
import static io.plumbline.events.build.ServiceTierChangedBuilder.aServiceTierChanged;
import static io.plumbline.events.build.SloDefinedBuilder.anSloDefined;
import static io.plumbline.events.build.SloRetiredBuilder.anSloRetired;
import static io.plumbline.events.build.SloReviewedBuilder.anSloReviewed;
import static io.plumbline.events.build.TeamMovedBuilder.aTeamMoved;
import static io.plumbline.events.build.TeamRegisteredBuilder.aTeamRegistered;
import static io.plumbline.events.build.TeamRetiredBuilder.aTeamRetired;
import static io.plumbline.events.build.ToilAutomationShippedBuilder.aToilAutomationShipped;
import static io.plumbline.events.build.ToilMeasuredBuilder.aToilMeasured;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceTierChanged;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.postmortem.Severity;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.toil.ToilMeasured;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One fixture test per invariant of the postmortem, runbook, toil and org commands. Events are the
 * builders' (the checkout team, its api, incident INC-1 and postmortem PM-1) unless a test says
 * otherwise.
 */
class TeamEvidenceTest {

  private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-07-02T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-07-03T10:00:00Z");
  private static final String TEAM = "checkout";

  private final GroupDirectory groups = mock(GroupDirectory.class);
  private AggregateTestFixture<Team> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Team.class);
    fixture.registerInjectableResource(groups);
    when(groups.exists("payments")).thenReturn(true);
    when(groups.exists("commerce")).thenReturn(true);
  }

  private static TeamRegistered registered() {
    return aTeamRegistered().withGroupId("payments").withOccurredAt(T0).build();
  }

  private static ServiceRegistered service() {
    return aServiceRegistered().withOccurredAt(T0).build();
  }

  private static IncidentRecorded incident() {
    return anIncidentRecorded()
        .withSeverity(Severity.SEV1)
        .withStartedAt(T0)
        .withResolvedAt(T1)
        .withOccurredAt(T1)
        .build();
  }

  private static PostmortemPublished postmortem() {
    return aPostmortemPublished()
        .withBlameless(true)
        .withActionItems(new ActionItem("AI-1", T1))
        .withOccurredAt(T1)
        .build();
  }

  /** The team's move at T1, submitted as the same event (e5) each time. */
  private static TeamMoved move(String fromGroupId, String toGroupId) {
    return aTeamMoved()
        .withEventId("e5")
        .withFromGroupId(fromGroupId)
        .withToGroupId(toGroupId)
        .withOccurredAt(T1)
        .build();
  }

  private static ToilMeasured toil(String toil, String ops, Instant start, Instant end) {
    return aToilMeasured()
        .withPeriodStart(start)
        .withPeriodEnd(end)
        .withToilHours(new BigDecimal(toil))
        .withOpsHours(new BigDecimal(ops))
        .withOccurredAt(T1)
        .build();
  }

  @Test
  void movesTheTeamToAnotherExistingGroup() {
    fixture
        .given(registered())
        .when(new TeamSubmission(move(null, "commerce")))
        .expectEvents(move("payments", "commerce"));
  }

  /** The team fills in where a move starts; a retry, with or without it, is the same fact. */
  @ParameterizedTest
  @NullSource
  @ValueSource(strings = "payments")
  void aRetriedMoveIsADuplicate(String fromGroupId) {
    fixture
        .given(registered(), move("payments", "commerce"))
        .when(new TeamSubmission(move(fromGroupId, "commerce")))
        .expectResultMessagePayload(Outcome.DUPLICATE)
        .expectNoEvents();
  }

  @Test
  void aMoveMustStartFromTheTeamsGroup() {
    fixture
        .given(registered())
        .when(new TeamSubmission(move("platform", "commerce")))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Team 'checkout' is in group 'payments', not 'platform'.")
        .expectNoEvents();
  }

  @Test
  void rejectsAMoveToAGroupThatDoesNotExist() {
    fixture
        .given(registered())
        .when(new TeamSubmission(move(null, "nowhere")))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Group 'nowhere' does not exist.")
        .expectNoEvents();
  }

  @Test
  void rejectsAMoveToTheGroupTheTeamIsIn() {
    fixture
        .given(registered())
        .when(new TeamSubmission(move(null, "payments")))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void aRetiredTeamAcceptsNoFurtherEvidence() {
    fixture
        .given(registered(), service(), aTeamRetired().withOccurredAt(T1).build())
        .when(
            new TeamSubmission(
                anIncidentRecorded()
                    .withIncidentId("INC-9")
                    .withStartedAt(T0)
                    .withResolvedAt(T1)
                    .withOccurredAt(T2)
                    .build()))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "Team 'checkout' retired at 2026-07-02T10:00:00Z; the event is dated"
                + " 2026-07-03T10:00:00Z, after that.")
        .expectNoEvents();
  }

  @Test
  void changesTheTierOfAnActiveService() {
    ServiceTierChanged toTierThree = aServiceTierChanged().withTier(3).withOccurredAt(T1).build();

    fixture
        .given(registered(), service())
        .when(new TeamSubmission(toTierThree))
        .expectEvents(toTierThree);
  }

  @Test
  void rejectsAnSloForARetiredService() {
    fixture
        .given(registered(), service(), aServiceRetired().withOccurredAt(T1).build())
        .when(new TeamSubmission(anSloDefined().withOccurredAt(T2).build()))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "Service 'api' was retired at 2026-07-02T10:00:00Z; the event is dated"
                + " 2026-07-03T10:00:00Z, after that.")
        .expectNoEvents();
  }

  @Test
  void rejectsAnIncidentResolvedBeforeItStarted() {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(
                anIncidentRecorded()
                    .withStartedAt(T1)
                    .withResolvedAt(T0)
                    .withOccurredAt(T1)
                    .build()))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsRecordingTheSameIncidentTwice() {
    fixture
        .given(registered(), incident())
        .when(
            new TeamSubmission(
                anIncidentRecorded()
                    .withSeverity(Severity.SEV2)
                    .withStartedAt(T0)
                    .withResolvedAt(T1)
                    .withOccurredAt(T1)
                    .build()))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void publishesAPostmortemForARecordedIncident() {
    PostmortemPublished postmortem = postmortem();

    fixture
        .given(registered(), incident())
        .when(new TeamSubmission(postmortem))
        .expectEvents(postmortem);
  }

  @Test
  void rejectsAPostmortemForAnIncidentTheTeamDidNotRecord() {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(
                aPostmortemPublished().withIncidentId("INC-7").withOccurredAt(T1).build()))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "Team 'checkout' has recorded no incident 'INC-7'; record it first.")
        .expectNoEvents();
  }

  @Test
  void rejectsTwoActionItemsWithTheSameId() {
    fixture
        .given(registered(), incident())
        .when(
            new TeamSubmission(
                aPostmortemPublished()
                    .withActionItems(new ActionItem("AI-1", T1), new ActionItem("AI-1", T1))
                    .withOccurredAt(T1)
                    .build()))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void closesAnActionItem() {
    ActionItemClosed closed =
        anActionItemClosed()
            .withActionItemId("AI-1")
            .withShippedImprovement(true)
            .withOccurredAt(T1)
            .build();

    fixture
        .given(registered(), incident(), postmortem())
        .when(new TeamSubmission(closed))
        .expectEvents(closed);
  }

  @Test
  void anActionItemClosesOnce() {
    fixture
        .given(
            registered(),
            incident(),
            postmortem(),
            anActionItemClosed()
                .withActionItemId("AI-1")
                .withShippedImprovement(true)
                .withOccurredAt(T1)
                .build())
        .when(
            new TeamSubmission(
                anActionItemClosed().withActionItemId("AI-1").withOccurredAt(T1).build()))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "Action item 'AI-1' was closed at 2026-07-02T10:00:00Z; an action item closes once.")
        .expectNoEvents();
  }

  @Test
  void rejectsClosingAnActionItemThePostmortemDoesNotHave() {
    fixture
        .given(registered(), incident(), postmortem())
        .when(
            new TeamSubmission(
                anActionItemClosed().withActionItemId("AI-9").withOccurredAt(T1).build()))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsAnAlertInventoryForAnUnknownService() {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(
                anAlertInventoryReported().withServiceId("web").withOccurredAt(T1).build()))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsRepublishingARetiredRunbook() {
    fixture
        .given(
            registered(),
            service(),
            aRunbookPublished().withOccurredAt(T0).build(),
            aRunbookRetired().withOccurredAt(T1).build())
        .when(
            new TeamSubmission(aRunbookPublished().withAutomated(true).withOccurredAt(T2).build()))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "Runbook 'rb-1' was retired at 2026-07-02T10:00:00Z; the event is dated"
                + " 2026-07-03T10:00:00Z, after that.")
        .expectNoEvents();
  }

  @Test
  void rejectsReviewingARunbookThatDoesNotExist() {
    fixture
        .given(registered(), service())
        .when(
            new TeamSubmission(aRunbookReviewed().withRunbookId("rb-9").withOccurredAt(T1).build()))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void toilHoursCannotExceedOpsHours() {
    fixture
        .given(registered())
        .when(new TeamSubmission(toil("120.5", "120", T0, T1)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Toil hours (120.5) cannot exceed operational hours (120).")
        .expectNoEvents();
  }

  @Test
  void toilEqualToOpsHoursIsAccepted() {
    ToilMeasured measured = toil("120.00", "120", T0, T1);

    fixture.given(registered()).when(new TeamSubmission(measured)).expectEvents(measured);
  }

  @Test
  void rejectsNegativeToilAndZeroOpsHours() {
    fixture
        .given(registered())
        .when(new TeamSubmission(toil("-1", "10", T0, T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
    fixture
        .given(registered())
        .when(new TeamSubmission(toil("0", "0", T0, T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsAToilPeriodThatEndsBeforeItStarts() {
    fixture
        .given(registered())
        .when(new TeamSubmission(toil("1", "10", T1, T0)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsNegativeHoursSavedByAnAutomation() {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(
                aToilAutomationShipped()
                    .withHoursSavedPerWeek(new BigDecimal("-2"))
                    .withOccurredAt(T1)
                    .build()))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  private static io.plumbline.command.slo.SloSpec spec(
      String id, String objective, boolean policy) {
    return new io.plumbline.command.slo.SloSpec(
        id,
        "api",
        SliKind.AVAILABILITY,
        List.of(new io.plumbline.events.slo.SloObjective(null, new BigDecimal(objective))),
        io.plumbline.events.slo.SloWindow.rollingDays(30),
        policy,
        false);
  }

  @Test
  void reconcilingOpenSloDefinesChangedSlosOnlyAndRetiresTheOnesNoLongerDescribed() {
    fixture
        .given(
            registered(),
            service(),
            anSloDefined()
                .withEventId("openslo-1")
                .withSloId("a")
                .withObjectivePercent(new BigDecimal("99.9"))
                .withErrorBudgetPolicy(true)
                .withOccurredAt(T0)
                .build(),
            anSloDefined()
                .withEventId("openslo-2")
                .withSloId("gone")
                .withObjectivePercent(new BigDecimal("99"))
                .withOccurredAt(T0)
                .build(),
            anSloDefined()
                .withEventId("manual-1")
                .withSloId("manual")
                .withObjectivePercent(new BigDecimal("99"))
                .withOccurredAt(T0)
                .build())
        .when(
            new io.plumbline.command.slo.ReconcileSlos(
                "r1", TEAM, List.of(spec("a", "99.90", true), spec("b", "99.5", false)), T1, false))
        .expectResultMessagePayload(
            new io.plumbline.command.slo.ReconcileSlos.Result(
                List.of("b"), List.of(), List.of("gone"), List.of("a"), List.of(), true));
  }

  @Test
  void oneInvalidSpecRefusesTheWholeReconciliationAndNamesIt() {
    fixture
        .given(registered(), service())
        .when(
            new io.plumbline.command.slo.ReconcileSlos(
                "r1", TEAM, List.of(spec("a", "99.9", true), spec("b", "100", false)), T1, false))
        .expectResultMessagePayload(
            new io.plumbline.command.slo.ReconcileSlos.Result(
                List.of("a"),
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    new io.plumbline.command.slo.ReconcileSlos.Refusal(
                        "b",
                        io.plumbline.command.common.Reason.OBJECTIVE_OUT_OF_RANGE,
                        "objectives[0].targetPercent",
                        "An objective must lie strictly between 0 and 100 percent, but was 100.")),
                false))
        .expectNoEvents();
  }

  @Test
  void aDryRunAnswersThePlanAndStoresNothing() {
    fixture
        .given(registered(), service())
        .when(
            new io.plumbline.command.slo.ReconcileSlos(
                "r1", TEAM, List.of(spec("a", "99.9", true)), T1, true))
        .expectResultMessagePayload(
            new io.plumbline.command.slo.ReconcileSlos.Result(
                List.of("a"), List.of(), List.of(), List.of(), List.of(), false))
        .expectNoEvents();
  }

  @Test
  void aRetiredSloDescribedAgainBeginsANewLifeAndTakesReviewsAgain() {
    fixture
        .given(
            registered(),
            service(),
            anSloDefined()
                .withEventId("openslo-1")
                .withSloId("a")
                .withObjectivePercent(new BigDecimal("99.9"))
                .withErrorBudgetPolicy(true)
                .withOccurredAt(T0)
                .build(),
            anSloRetired()
                .withEventId("openslo-2")
                .withSloId("a")
                .withOccurredAt(T0.plusSeconds(60))
                .build())
        .when(
            new io.plumbline.command.slo.ReconcileSlos(
                "r1", TEAM, List.of(spec("a", "99.9", true)), T1, false))
        .expectResultMessagePayload(
            new io.plumbline.command.slo.ReconcileSlos.Result(
                List.of("a"), List.of(), List.of(), List.of(), List.of(), true))
        .expectEventsMatching(
            org.axonframework.test.matchers.Matchers.payloadsMatching(
                org.axonframework.test.matchers.Matchers.exactSequenceOf(
                    org.hamcrest.Matchers.instanceOf(io.plumbline.events.slo.SloDefined.class),
                    org.axonframework.test.matchers.Matchers.andNoMore())));
    fixture
        .given(
            registered(),
            service(),
            anSloDefined()
                .withEventId("openslo-1")
                .withSloId("a")
                .withObjectivePercent(new BigDecimal("99.9"))
                .withErrorBudgetPolicy(true)
                .withOccurredAt(T0)
                .build(),
            anSloRetired()
                .withEventId("openslo-2")
                .withSloId("a")
                .withOccurredAt(T0.plusSeconds(60))
                .build(),
            anSloDefined()
                .withEventId("openslo-3")
                .withSloId("a")
                .withObjectivePercent(new BigDecimal("99.9"))
                .withErrorBudgetPolicy(true)
                .withOccurredAt(T1)
                .build())
        .when(
            new TeamSubmission(
                anSloReviewed().withSloId("a").withOccurredAt(T1.plusSeconds(60)).build()))
        .expectSuccessfulHandlerExecution();
  }
}
