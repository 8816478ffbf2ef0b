package io.plumbline.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.command.catalog.Services;
import io.plumbline.command.exemption.Exemptions;
import io.plumbline.command.postmortem.Postmortems;
import io.plumbline.command.runbook.Runbooks;
import io.plumbline.command.slo.Slos;
import io.plumbline.command.toil.Toil;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.TeamEvent;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every practice has the same shape: a decider that takes one sealed family of the contract's
 * events, so that every fact a team submits is decided by exactly one practice, and a new event
 * type cannot be added without saying which.
 */
class PracticeShapeTest {

  /** The practices' deciders and the team's own life, which the team decides itself. */
  private static final List<Class<?>> DECIDERS =
      List.of(
          Services.class,
          Slos.class,
          Postmortems.class,
          Runbooks.class,
          Toil.class,
          Exemptions.class,
          teamLifecycle());

  @Test
  void everyDeciderTakesOneSealedFamilyOfTeamEvents() {
    for (Class<?> decider : DECIDERS) {
      Class<?> family = familyOf(decider);
      assertThat(family.isSealed())
          .as("%s decides on a sealed family", decider.getSimpleName())
          .isTrue();
      assertThat(TeamEvent.class.isAssignableFrom(family))
          .as("%s decides on team events", decider.getSimpleName())
          .isTrue();
    }
  }

  @Test
  void everyTeamEventIsDecidedByExactlyOnePractice() {
    Map<Class<?>, List<String>> deciders = new HashMap<>();
    for (Class<?> decider : DECIDERS) {
      for (Class<?> type : familyOf(decider).getPermittedSubclasses()) {
        deciders.computeIfAbsent(type, t -> new ArrayList<>()).add(decider.getSimpleName());
      }
    }
    for (Class<? extends PlumblineEvent> type : EventTypes.ALL) {
      if (TeamEvent.class.isAssignableFrom(type)) {
        assertThat(deciders.get(type))
            .as("the practices that decide on %s", type.getSimpleName())
            .hasSize(1);
      }
    }
  }

  private static Class<?> teamLifecycle() {
    try {
      return Class.forName("io.plumbline.command.team.TeamLifecycle");
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static Class<?> familyOf(Class<?> decider) {
    Method decide =
        Arrays.stream(decider.getDeclaredMethods())
            .filter(m -> m.getName().equals("decide"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(decider.getSimpleName() + " has no decide"));
    return decide.getParameterTypes()[0];
  }
}
