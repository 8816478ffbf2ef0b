package io.plumbline.command.team;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.ServiceTierChanged;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.postmortem.Severity;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import io.plumbline.events.runbook.RunbookReviewed;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.toil.ToilAutomationShipped;
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

/** One fixture test per invariant of the postmortem, runbook, toil and org commands. */
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
    return new TeamRegistered("e1", TEAM, "Checkout", "payments", T0);
  }

  private static ServiceRegistered service() {
    return new ServiceRegistered("e2", TEAM, "api", "API", 1, T0);
  }

  private static IncidentRecorded incident() {
    return new IncidentRecorded("e3", TEAM, "INC-1", Severity.SEV1, T0, T1, T1);
  }

  private static PostmortemPublished postmortem() {
    return new PostmortemPublished(
        "e4", TEAM, "PM-1", "INC-1", true, List.of(new ActionItem("AI-1", T1)), List.of(), T1);
  }

  private static TeamSubmission toil(String toil, String ops, Instant start, Instant end) {
    return new TeamSubmission(
        new ToilMeasured("e9", TEAM, start, end, new BigDecimal(toil), new BigDecimal(ops), T1));
  }

  @Test
  void movesTheTeamToAnotherExistingGroup() {
    fixture
        .given(registered())
        .when(new TeamSubmission(new TeamMoved("e5", TEAM, null, "commerce", T1)))
        .expectEvents(new TeamMoved("e5", TEAM, "payments", "commerce", T1));
  }

  /** The team fills in where a move starts; a retry, with or without it, is the same fact. */
  @ParameterizedTest
  @NullSource
  @ValueSource(strings = "payments")
  void aRetriedMoveIsADuplicate(String fromGroupId) {
    fixture
        .given(registered(), new TeamMoved("e5", TEAM, "payments", "commerce", T1))
        .when(new TeamSubmission(new TeamMoved("e5", TEAM, fromGroupId, "commerce", T1)))
        .expectResultMessagePayload(Outcome.DUPLICATE)
        .expectNoEvents();
  }

  @Test
  void aMoveMustStartFromTheTeamsGroup() {
    fixture
        .given(registered())
        .when(new TeamSubmission(new TeamMoved("e5", TEAM, "platform", "commerce", T1)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Team 'checkout' is in group 'payments', not 'platform'.")
        .expectNoEvents();
  }

  @Test
  void rejectsAMoveToAGroupThatDoesNotExist() {
    fixture
        .given(registered())
        .when(new TeamSubmission(new TeamMoved("e5", TEAM, null, "nowhere", T1)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Group 'nowhere' does not exist.")
        .expectNoEvents();
  }

  @Test
  void rejectsAMoveToTheGroupTheTeamIsIn() {
    fixture
        .given(registered())
        .when(new TeamSubmission(new TeamMoved("e5", TEAM, null, "payments", T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void aRetiredTeamAcceptsNoFurtherEvidence() {
    fixture
        .given(registered(), service(), new TeamRetired("e5", TEAM, T1))
        .when(
            new TeamSubmission(
                new IncidentRecorded("e6", TEAM, "INC-9", Severity.SEV2, T0, T1, T2)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "Team 'checkout' retired at 2026-07-02T10:00:00Z; the event is dated"
                + " 2026-07-03T10:00:00Z, after that.")
        .expectNoEvents();
  }

  @Test
  void changesTheTierOfAnActiveService() {
    fixture
        .given(registered(), service())
        .when(new TeamSubmission(new ServiceTierChanged("e5", TEAM, "api", 3, T1)))
        .expectEvents(new ServiceTierChanged("e5", TEAM, "api", 3, T1));
  }

  @Test
  void rejectsAnSloForARetiredService() {
    fixture
        .given(registered(), service(), new ServiceRetired("e5", TEAM, "api", T1))
        .when(
            new TeamSubmission(
                new SloDefined(
                    "e6",
                    TEAM,
                    "avail",
                    "api",
                    SliKind.AVAILABILITY,
                    new BigDecimal("99.9"),
                    30,
                    true,
                    true,
                    T2)))
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
                new IncidentRecorded("e3", TEAM, "INC-1", Severity.SEV1, T1, T0, T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsRecordingTheSameIncidentTwice() {
    fixture
        .given(registered(), incident())
        .when(
            new TeamSubmission(
                new IncidentRecorded("e9", TEAM, "INC-1", Severity.SEV2, T0, T1, T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void publishesAPostmortemForARecordedIncident() {
    fixture
        .given(registered(), incident())
        .when(
            new TeamSubmission(
                new PostmortemPublished(
                    "e4",
                    TEAM,
                    "PM-1",
                    "INC-1",
                    true,
                    List.of(new ActionItem("AI-1", T1)),
                    List.of(),
                    T1)))
        .expectEvents(postmortem());
  }

  @Test
  void rejectsAPostmortemForAnIncidentTheTeamDidNotRecord() {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(
                new PostmortemPublished(
                    "e4", TEAM, "PM-1", "INC-7", true, List.of(), List.of(), T1)))
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
                new PostmortemPublished(
                    "e4",
                    TEAM,
                    "PM-1",
                    "INC-1",
                    true,
                    List.of(new ActionItem("AI-1", T1), new ActionItem("AI-1", T1)),
                    List.of(),
                    T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void closesAnActionItem() {
    fixture
        .given(registered(), incident(), postmortem())
        .when(new TeamSubmission(new ActionItemClosed("e5", TEAM, "PM-1", "AI-1", true, T1)))
        .expectEvents(new ActionItemClosed("e5", TEAM, "PM-1", "AI-1", true, T1));
  }

  @Test
  void anActionItemClosesOnce() {
    fixture
        .given(
            registered(),
            incident(),
            postmortem(),
            new ActionItemClosed("e5", TEAM, "PM-1", "AI-1", true, T1))
        .when(new TeamSubmission(new ActionItemClosed("e6", TEAM, "PM-1", "AI-1", false, T1)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "Action item 'AI-1' was closed at 2026-07-02T10:00:00Z; an action item closes once.")
        .expectNoEvents();
  }

  @Test
  void rejectsClosingAnActionItemThePostmortemDoesNotHave() {
    fixture
        .given(registered(), incident(), postmortem())
        .when(new TeamSubmission(new ActionItemClosed("e5", TEAM, "PM-1", "AI-9", true, T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsAnAlertInventoryForAnUnknownService() {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(
                new AlertInventoryReported("e5", TEAM, "web", List.of("HighErrorRate"), T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsRepublishingARetiredRunbook() {
    fixture
        .given(
            registered(),
            service(),
            new RunbookPublished("e5", TEAM, "rb-1", "api", List.of("A"), false, T0),
            new RunbookRetired("e6", TEAM, "rb-1", T1))
        .when(
            new TeamSubmission(
                new RunbookPublished("e7", TEAM, "rb-1", "api", List.of("A"), true, T2)))
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
        .when(new TeamSubmission(new RunbookReviewed("e5", TEAM, "rb-9", T1)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void toilHoursCannotExceedOpsHours() {
    fixture
        .given(registered())
        .when(toil("120.5", "120", T0, T1))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Toil hours (120.5) cannot exceed operational hours (120).")
        .expectNoEvents();
  }

  @Test
  void toilEqualToOpsHoursIsAccepted() {
    fixture
        .given(registered())
        .when(toil("120.00", "120", T0, T1))
        .expectEvents(
            new ToilMeasured("e9", TEAM, T0, T1, new BigDecimal("120"), new BigDecimal("120"), T1));
  }

  @Test
  void rejectsNegativeToilAndZeroOpsHours() {
    fixture
        .given(registered())
        .when(toil("-1", "10", T0, T1))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
    fixture
        .given(registered())
        .when(toil("0", "0", T0, T1))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsAToilPeriodThatEndsBeforeItStarts() {
    fixture
        .given(registered())
        .when(toil("1", "10", T1, T0))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void rejectsNegativeHoursSavedByAnAutomation() {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(
                new ToilAutomationShipped(
                    "e5", TEAM, "auto-1", "rotation", new BigDecimal("-2"), T1)))
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
            new io.plumbline.events.slo.SloDefined(
                "openslo-1",
                TEAM,
                "a",
                "api",
                SliKind.AVAILABILITY,
                new BigDecimal("99.9"),
                30,
                true,
                false,
                T0),
            new io.plumbline.events.slo.SloDefined(
                "openslo-2",
                TEAM,
                "gone",
                "api",
                SliKind.AVAILABILITY,
                new BigDecimal("99"),
                30,
                false,
                false,
                T0),
            new io.plumbline.events.slo.SloDefined(
                "manual-1",
                TEAM,
                "manual",
                "api",
                SliKind.AVAILABILITY,
                new BigDecimal("99"),
                30,
                false,
                false,
                T0))
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
            new io.plumbline.events.slo.SloDefined(
                "openslo-1",
                TEAM,
                "a",
                "api",
                SliKind.AVAILABILITY,
                new BigDecimal("99.9"),
                30,
                true,
                false,
                T0),
            new io.plumbline.events.slo.SloRetired("openslo-2", TEAM, "a", T0.plusSeconds(60)))
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
            new io.plumbline.events.slo.SloDefined(
                "openslo-1",
                TEAM,
                "a",
                "api",
                SliKind.AVAILABILITY,
                new BigDecimal("99.9"),
                30,
                true,
                false,
                T0),
            new io.plumbline.events.slo.SloRetired("openslo-2", TEAM, "a", T0.plusSeconds(60)),
            new io.plumbline.events.slo.SloDefined(
                "openslo-3",
                TEAM,
                "a",
                "api",
                SliKind.AVAILABILITY,
                new BigDecimal("99.9"),
                30,
                true,
                false,
                T1))
        .when(
            new TeamSubmission(
                new io.plumbline.events.slo.SloReviewed("rev-1", TEAM, "a", T1.plusSeconds(60))))
        .expectSuccessfulHandlerExecution();
  }
}
