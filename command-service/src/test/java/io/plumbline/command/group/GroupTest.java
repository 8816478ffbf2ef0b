package io.plumbline.command.group;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.events.org.GroupDefined;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupTest {

  private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");

  private final GroupDirectory groups = mock(GroupDirectory.class);
  private AggregateTestFixture<Group> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Group.class);
    fixture.registerInjectableResource(groups);
    when(groups.exists("engineering")).thenReturn(true);
  }

  @Test
  void definesARootGroup() {
    fixture
        .givenNoPriorActivity()
        .when(new GroupSubmission(new GroupDefined("e1", "engineering", "Engineering", null, T0)))
        .expectEvents(new GroupDefined("e1", "engineering", "Engineering", null, T0));
  }

  @Test
  void definesAGroupUnderAnExistingParent() {
    fixture
        .givenNoPriorActivity()
        .when(
            new GroupSubmission(new GroupDefined("e1", "payments", "Payments", "engineering", T0)))
        .expectEvents(new GroupDefined("e1", "payments", "Payments", "engineering", T0));
  }

  @Test
  void rejectsAParentThatDoesNotExist() {
    fixture
        .givenNoPriorActivity()
        .when(new GroupSubmission(new GroupDefined("e1", "payments", "Payments", "nowhere", T0)))
        .expectException(CommandRejectedException.class)
        .expectExceptionMessage("Parent group 'nowhere' does not exist.")
        .expectNoEvents();
  }

  @Test
  void rejectsAGroupThatIsItsOwnParent() {
    fixture
        .givenNoPriorActivity()
        .when(new GroupSubmission(new GroupDefined("e1", "payments", "Payments", "payments", T0)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }

  @Test
  void renamesAGroupKeepingItsParent() {
    fixture
        .given(new GroupDefined("e1", "payments", "Payments", "engineering", T0))
        .when(
            new GroupSubmission(
                new GroupDefined("e2", "payments", "Payments & Billing", "engineering", T0)))
        .expectEvents(new GroupDefined("e2", "payments", "Payments & Billing", "engineering", T0));
  }

  @Test
  void rejectsMovingAGroupToAnotherParent() {
    fixture
        .given(new GroupDefined("e1", "payments", "Payments", "engineering", T0))
        .when(new GroupSubmission(new GroupDefined("e2", "payments", "Payments", null, T0)))
        .expectException(CommandRejectedException.class)
        .expectNoEvents();
  }
}
