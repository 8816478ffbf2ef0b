package io.plumbline.events;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole event vocabulary; an event's type name is its record's simple name. */
public final class EventTypes {

  public static final List<Class<? extends PlumblineEvent>> ALL =
      List.of(
          GroupDefined.class,
          TeamRegistered.class,
          TeamMoved.class,
          TeamRetired.class,
          ServiceRegistered.class,
          ServiceTierChanged.class,
          ServiceRetired.class,
          SloDefined.class,
          SloRetired.class,
          SloReviewed.class,
          ErrorBudgetPolicyInvoked.class,
          IncidentRecorded.class,
          PostmortemPublished.class,
          ActionItemClosed.class,
          AlertInventoryReported.class,
          RunbookPublished.class,
          RunbookReviewed.class,
          RunbookRetired.class,
          ToilMeasured.class,
          ToilAutomationShipped.class,
          ExemptionGranted.class,
          ExemptionRevoked.class);

  private static final Map<String, Class<? extends PlumblineEvent>> BY_NAME = byName();

  private EventTypes() {}

  public static String nameOf(Class<? extends PlumblineEvent> type) {
    return type.getSimpleName();
  }

  public static Optional<Class<? extends PlumblineEvent>> forName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The current revision of an event type's payload. */
  public static String revisionOf(Class<?> type) {
    EventRevision revision = type.getAnnotation(EventRevision.class);
    return revision == null ? null : revision.value();
  }

  private static Map<String, Class<? extends PlumblineEvent>> byName() {
    Map<String, Class<? extends PlumblineEvent>> map = new LinkedHashMap<>();
    ALL.forEach(type -> map.put(nameOf(type), type));
    return Map.copyOf(map);
  }
}
