package io.plumbline.command.ingest;

import io.plumbline.command.common.EvidenceCommand;
import io.plumbline.command.group.DefineGroup;
import io.plumbline.command.slo.DefineSlo;
import io.plumbline.command.slo.InvokeErrorBudgetPolicy;
import io.plumbline.command.slo.RetireSlo;
import io.plumbline.command.slo.ReviewSlo;
import io.plumbline.command.team.RegisterService;
import io.plumbline.command.team.RegisterTeam;
import io.plumbline.events.EventTypes;
import io.plumbline.events.PlumblineEvent;
import io.plumbline.events.org.GroupDefined;
import io.plumbline.events.org.ServiceRegistered;
import io.plumbline.events.org.TeamRegistered;
import io.plumbline.events.slo.ErrorBudgetPolicyInvoked;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloRetired;
import io.plumbline.events.slo.SloReviewed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which event types the ingest accepts, and the command each one becomes. */
final class SubmissionTypes {

  private static final Map<String, Class<? extends EvidenceCommand>> COMMANDS = commands();

  private SubmissionTypes() {}

  static Optional<Class<? extends EvidenceCommand>> commandFor(String eventType) {
    return Optional.ofNullable(COMMANDS.get(eventType));
  }

  static List<String> accepted() {
    return List.copyOf(COMMANDS.keySet());
  }

  private static Map<String, Class<? extends EvidenceCommand>> commands() {
    Map<String, Class<? extends EvidenceCommand>> map = new LinkedHashMap<>();
    put(map, GroupDefined.class, DefineGroup.class);
    put(map, TeamRegistered.class, RegisterTeam.class);
    put(map, ServiceRegistered.class, RegisterService.class);
    put(map, SloDefined.class, DefineSlo.class);
    put(map, SloReviewed.class, ReviewSlo.class);
    put(map, SloRetired.class, RetireSlo.class);
    put(map, ErrorBudgetPolicyInvoked.class, InvokeErrorBudgetPolicy.class);
    return map;
  }

  private static void put(
      Map<String, Class<? extends EvidenceCommand>> map,
      Class<? extends PlumblineEvent> event,
      Class<? extends EvidenceCommand> command) {
    map.put(EventTypes.nameOf(event), command);
  }
}
