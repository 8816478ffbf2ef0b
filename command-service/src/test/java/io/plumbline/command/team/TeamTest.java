package io.plumbline.command.team;

import static io.plumbline.events.build.SloDefinedBuilder.anSloDefined;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Outcome;
import io.plumbline.command.group.GroupDirectory;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.slo.BudgetAction;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import io.plumbline.events.slo.SloWindow;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamTest {

  private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");
  private static final String TEAM = "checkout";
  private static final String TEAM_ID = Team.aggregateId(TEAM);

  private final GroupDirectory groups = mock(GroupDirectory.class);
  private AggregateTestFixture<Team> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Team.class);
    fixture.registerInjectableResource(groups);
    when(groups.exists("payments")).thenReturn(true);
  }

  private static TeamRegistered registered() {
    return new TeamRegistered("e1", TEAM, "Checkout", "payments", T0);
  }

  private static ServiceRegistered service() {
    return new ServiceRegistered("e2", TEAM, "checkout-api", "Checkout API", 1, T0);
  }

  private static TeamSubmission defineSlo(String eventId, String objective, int windowDays) {
    return new TeamSubmission(sloDefined(eventId, objective, windowDays));
  }

  private static SloDefined sloDefined(String eventId, String objective, int windowDays) {
    return anSloDefined()
        .withEventId(eventId)
        .withServiceId("checkout-api")
        .withObjectivePercent(new BigDecimal(objective))
        .withWindow(SloWindow.rollingDays(windowDays))
        .withErrorBudgetPolicy(true)
        .withOccurredAt(T0)
        .build();
  }

  @Test
  void registersATeamInAnExistingGroup() {
    fixture
        .givenNoPriorActivity()
        .when(new TeamSubmission(new TeamRegistered("e1", TEAM, "Checkout", "payments", T0)))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(Outcome.ACCEPTED)
        .expectEvents(registered());
  }

  @Test
  void rejectsATeamInAGroupThatDoesNotExist() {
    fixture
        .givenNoPriorActivity()
        .when(new TeamSubmission(new TeamRegistered("e1", TEAM, "Checkout", "nowhere", T0)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Group 'nowhere' does not exist.")
        .expectNoEvents();
  }

  @Test
  void rejectsRegisteringTheSameTeamTwiceUnderANewEventId() {
    fixture
        .given(registered())
        .when(new TeamSubmission(new TeamRegistered("e9", TEAM, "Checkout", "payments", T0)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void aRetriedRegistrationChangesNothing() {
    fixture
        .given(registered())
        .when(new TeamSubmission(new TeamRegistered("e1", TEAM, "Checkout", "payments", T0)))
        .expectResultMessagePayload(Outcome.DUPLICATE)
        .expectNoEvents();
  }

  @Test
  void rejectsAnEventIdReusedWithOtherContent() {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(new TeamRegistered("e1", TEAM, "Checkout renamed", "payments", T0)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "Event id 'e1' was already accepted with different content; use a new id for a new fact.")
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, -1})
  void rejectsATierOutsideOneToThree(int tier) {
    fixture
        .given(registered())
        .when(
            new TeamSubmission(
                new ServiceRegistered("e2", TEAM, "checkout-api", "Checkout API", tier, T0)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void definesAnSloForOneOfItsServices() {
    fixture
        .given(registered(), service())
        .when(defineSlo("e3", "99.90", 30))
        .expectResultMessagePayload(Outcome.ACCEPTED)
        .expectEvents(sloDefined("e3", "99.9", 30));
  }

  @Test
  void rejectsAnSloForAServiceTheTeamDoesNotOwn() {
    fixture
        .given(registered())
        .when(defineSlo("e3", "99.9", 30))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Team 'checkout' has no service 'checkout-api'; register it first.")
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "100", "-5", "100.0001", "0.0"})
  void rejectsAnObjectiveNotStrictlyBetween0And100(String objective) {
    fixture
        .given(registered(), service())
        .when(defineSlo("e3", objective, 30))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "An objective must lie strictly between 0 and 100 percent, but was %s."
                .formatted(new BigDecimal(objective).stripTrailingZeros().toPlainString()))
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0001", "99.9999"})
  void acceptsObjectivesJustInsideTheBounds(String objective) {
    fixture
        .given(registered(), service())
        .when(defineSlo("e3", objective, 30))
        .expectEvents(sloDefined("e3", objective, 30));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 91, -1})
  void rejectsAWindowOutsideOneTo90Days(int window) {
    fixture
        .given(registered(), service())
        .when(defineSlo("e3", "99.9", window))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 90})
  void acceptsWindowsAtTheBounds(int window) {
    fixture
        .given(registered(), service())
        .when(defineSlo("e3", "99.9", window))
        .expectEvents(sloDefined("e3", "99.9", window));
  }

  @Test
  void reviewsAnActiveSlo() {
    fixture
        .given(registered(), service(), sloDefined("e3", "99.9", 30))
        .when(new TeamSubmission(new SloReviewed("e4", TEAM, "availability", T0)))
        .expectEvents(new SloReviewed("e4", TEAM, "availability", T0));
  }

  @Test
  void rejectsReviewingAnSloThatDoesNotExist() {
    fixture
        .given(registered(), service())
        .when(new TeamSubmission(new SloReviewed("e4", TEAM, "latency", T0)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("The team has no SLO 'latency'.")
        .expectNoEvents();
  }

  @Test
  void rejectsInvokingTheBudgetPolicyOfARetiredSlo() {
    fixture
        .given(
            registered(),
            service(),
            sloDefined("e3", "99.9", 30),
            new SloRetired("e4", TEAM, "availability", T0))
        .when(
            new TeamSubmission(
                new ErrorBudgetPolicyInvoked(
                    "e5", TEAM, "availability", BudgetAction.RELEASE_FREEZE, T0.plusSeconds(1))))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage(
            "SLO 'availability' was retired at 2026-07-01T10:00:00Z; the event is dated"
                + " 2026-07-01T10:00:01Z, after that.")
        .expectNoEvents();
  }

  @Test
  void recordsAnErrorBudgetPolicyInvocation() {
    fixture
        .given(registered(), service(), sloDefined("e3", "99.9", 30))
        .when(
            new TeamSubmission(
                new ErrorBudgetPolicyInvoked(
                    "e5", TEAM, "availability", BudgetAction.RELIABILITY_SPRINT, T0)))
        .expectEvents(
            new ErrorBudgetPolicyInvoked(
                "e5", TEAM, "availability", BudgetAction.RELIABILITY_SPRINT, T0));
  }

  @Test
  void retiresAnSloOnce() {
    fixture
        .given(registered(), service(), sloDefined("e3", "99.9", 30))
        .when(new TeamSubmission(new SloRetired("e4", TEAM, "availability", T0)))
        .expectEvents(new SloRetired("e4", TEAM, "availability", T0));
  }

  @Test
  void rejectsCommandsForATeamThatIsNotRegistered() {
    fixture
        .givenNoPriorActivity()
        .when(new TeamSubmission(new SloReviewed("e4", TEAM, "availability", T0)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Team 'checkout' is not registered.")
        .expectNoEvents();
  }
}
