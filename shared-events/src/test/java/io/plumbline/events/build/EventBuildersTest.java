package io.plumbline.events.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.exemption.ExemptionGranted;
import io.plumbline.events.exemption.ExemptionRevoked;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.ServiceRetired;
import io.plumbline.events.org.ServiceTierChanged;
import io.plumbline.events.org.TeamMoved;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.org.TeamRetired;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.events.runbook.AlertInventoryReported;
import io.plumbline.events.runbook.RunbookPublished;
import io.plumbline.events.runbook.RunbookRetired;
import io.plumbline.events.runbook.RunbookReviewed;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import io.plumbline.events.toil.ToilAutomationShipped;
import io.plumbline.events.toil.ToilMeasured;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type has a builder, and what it builds by default is a valid event. */
class EventBuildersTest {

  private static final Map<Class<? extends PlumblineEvent>, Supplier<PlumblineEvent>> BY_DEFAULT =
      Map.ofEntries(
          Map.entry(GroupDefined.class, () -> GroupDefinedBuilder.aGroupDefined().build()),
          Map.entry(TeamRegistered.class, () -> TeamRegisteredBuilder.aTeamRegistered().build()),
          Map.entry(TeamMoved.class, () -> TeamMovedBuilder.aTeamMoved().build()),
          Map.entry(TeamRetired.class, () -> TeamRetiredBuilder.aTeamRetired().build()),
          Map.entry(
              ServiceRegistered.class, () -> ServiceRegisteredBuilder.aServiceRegistered().build()),
          Map.entry(
              ServiceTierChanged.class,
              () -> ServiceTierChangedBuilder.aServiceTierChanged().build()),
          Map.entry(ServiceRetired.class, () -> ServiceRetiredBuilder.aServiceRetired().build()),
          Map.entry(SloDefined.class, () -> SloDefinedBuilder.anSloDefined().build()),
          Map.entry(SloRetired.class, () -> SloRetiredBuilder.anSloRetired().build()),
          Map.entry(SloReviewed.class, () -> SloReviewedBuilder.anSloReviewed().build()),
          Map.entry(
              ErrorBudgetPolicyInvoked.class,
              () -> ErrorBudgetPolicyInvokedBuilder.anErrorBudgetPolicyInvoked().build()),
          Map.entry(
              IncidentRecorded.class, () -> IncidentRecordedBuilder.anIncidentRecorded().build()),
          Map.entry(
              PostmortemPublished.class,
              () -> PostmortemPublishedBuilder.aPostmortemPublished().build()),
          Map.entry(
              ActionItemClosed.class, () -> ActionItemClosedBuilder.anActionItemClosed().build()),
          Map.entry(
              AlertInventoryReported.class,
              () -> AlertInventoryReportedBuilder.anAlertInventoryReported().build()),
          Map.entry(
              RunbookPublished.class, () -> RunbookPublishedBuilder.aRunbookPublished().build()),
          Map.entry(RunbookReviewed.class, () -> RunbookReviewedBuilder.aRunbookReviewed().build()),
          Map.entry(RunbookRetired.class, () -> RunbookRetiredBuilder.aRunbookRetired().build()),
          Map.entry(ToilMeasured.class, () -> ToilMeasuredBuilder.aToilMeasured().build()),
          Map.entry(
              ToilAutomationShipped.class,
              () -> ToilAutomationShippedBuilder.aToilAutomationShipped().build()),
          Map.entry(
              ExemptionGranted.class, () -> ExemptionGrantedBuilder.anExemptionGranted().build()),
          Map.entry(
              ExemptionRevoked.class, () -> ExemptionRevokedBuilder.anExemptionRevoked().build()));

  private static ValidatorFactory validation;
  private static Validator validator;

  @BeforeAll
  static void openValidation() {
    validation = Validation.buildDefaultValidatorFactory();
    validator = validation.getValidator();
  }

  @AfterAll
  static void closeValidation() {
    validation.close();
  }

  static Stream<Class<? extends PlumblineEvent>> eventTypes() {
    return EventTypes.ALL.stream();
  }

  @Test
  void everyEventTypeHasABuilder() {
    assertThat(BY_DEFAULT.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void whatABuilderBuildsByDefaultIsAValidEventInThePast(Class<? extends PlumblineEvent> type) {
    assertThat(BY_DEFAULT).containsKey(type);
    PlumblineEvent event = BY_DEFAULT.get(type).get();

    assertThat(event).isInstanceOf(type);
    assertThat(validator.validate(event)).isEmpty();
    assertThat(event.occurredAt()).isBefore(Instant.now());
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void everyBuildHasAnEventIdOfItsOwn(Class<? extends PlumblineEvent> type) {
    Supplier<PlumblineEvent> builder = BY_DEFAULT.get(type);

    assertThat(builder.get().eventId()).isNotEqualTo(builder.get().eventId());
  }
}
