package io.plumbline.query.rubric.model;

import io.plumbline.events.TeamEvent;
import io.plumbline.events.postmortem.ActionItem;
import io.plumbline.events.postmortem.ActionItemClosed;
import io.plumbline.events.postmortem.IncidentRecorded;
import io.plumbline.events.postmortem.PostmortemPublished;
import io.plumbline.query.facts.model.TeamFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The postmortem practice: postmortems exist (1), are blameless with action items (2), follow major
 * incidents quickly (3), get their action items closed on time and shipping improvements (4), and
 * lead learning across teams (5).
 */
public final class PostmortemPractice {

  private final Rubric.PostmortemRules rules;

  public PostmortemPractice(Rubric.PostmortemRules rules) {
    this.rules = rules;
  }

  public PracticeResult evaluate(TeamFacts facts, Period period) {
    Instant t = period.asOf();
    Instant windowStart = period.daysBefore(rules.lookbackDays());
    List<PostmortemPublished> published = facts.before(t, PostmortemPublished.class);
    List<PostmortemPublished> recent =
        published.stream().filter(p -> !p.occurredAt().isBefore(windowStart)).toList();
    List<Criterion> criteria = new ArrayList<>();

    criteria.add(
        new Criterion(
            1,
            "postmortem.published",
            "At least one postmortem published",
            !published.isEmpty(),
            published.size() + " postmortem(s) published",
            ids(published)));

    List<PostmortemPublished> lacking =
        recent.stream().filter(p -> !p.blameless() || p.actionItems().isEmpty()).toList();
    boolean owned = !recent.isEmpty() && lacking.isEmpty();
    criteria.add(
        new Criterion(
            2,
            "postmortem.blameless-with-actions",
            "Postmortems of the last %d days are all blameless with action items"
                .formatted(rules.lookbackDays()),
            owned,
            recent.isEmpty()
                ? "No postmortem in the last %d days".formatted(rules.lookbackDays())
                : lacking.isEmpty()
                    ? recent.size() + " recent postmortem(s), all blameless with action items"
                    : lacking.size() + " recent postmortem(s) blame or lack action items",
            owned ? ids(recent) : ids(lacking)));

    criteria.add(majorIncidentsFollowedUp(facts, period, published));
    criteria.addAll(actionItemsClosed(facts, period, published, windowStart));

    List<PostmortemPublished> crossTeam =
        recent.stream()
            .filter(
                p ->
                    p.involvedTeamIds().stream()
                            .filter(team -> !team.equals(facts.teamId()))
                            .distinct()
                            .count()
                        >= rules.otherTeamsInvolved())
            .toList();
    criteria.add(
        new Criterion(
            5,
            "postmortem.cross-team",
            "Led a postmortem in the last %d days involving at least %d other teams"
                .formatted(rules.lookbackDays(), rules.otherTeamsInvolved()),
            !crossTeam.isEmpty(),
            crossTeam.size() + " cross-team postmortem(s)",
            ids(crossTeam)));
    return PracticeResult.of(Practice.POSTMORTEMS, criteria);
  }

  private Criterion majorIncidentsFollowedUp(
      TeamFacts facts, Period period, List<PostmortemPublished> published) {
    Instant t = period.asOf();
    Instant from = period.daysBefore(rules.lookbackDays());
    Instant latestResolution = period.daysBefore(rules.publishWithinDays());
    Duration allowed = Duration.ofDays(rules.publishWithinDays());
    Map<String, Instant> firstPublication = new HashMap<>();
    for (PostmortemPublished p : published) {
      firstPublication.merge(p.incidentId(), p.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    List<IncidentRecorded> major =
        latestIncidents(facts.before(t, IncidentRecorded.class)).stream()
            .filter(i -> rules.majorSeverities().contains(i.severity()))
            .filter(
                i -> !i.resolvedAt().isBefore(from) && !i.resolvedAt().isAfter(latestResolution))
            .toList();
    List<IncidentRecorded> followedUp =
        major.stream()
            .filter(
                i -> {
                  Instant at = firstPublication.get(i.incidentId());
                  return at != null && Duration.between(i.resolvedAt(), at).compareTo(allowed) <= 0;
                })
            .toList();
    boolean passed =
        major.isEmpty() || Ratios.atLeast(followedUp.size(), major.size(), rules.publishedShare());
    List<IncidentRecorded> missed = major.stream().filter(i -> !followedUp.contains(i)).toList();
    return new Criterion(
        3,
        "postmortem.major-incidents-followed-up",
        "At least %s of major incidents resolved in the last %d days have a postmortem within %d days"
            .formatted(
                Ratios.percent(rules.publishedShare(), java.math.BigDecimal.ONE),
                rules.lookbackDays(),
                rules.publishWithinDays()),
        passed,
        major.isEmpty()
            ? "No major incident to follow up"
            : "%d of %d major incident(s) followed up in time (%s)"
                .formatted(
                    followedUp.size(),
                    major.size(),
                    Ratios.percent(followedUp.size(), major.size())),
        passed ? ids(followedUp) : ids(missed));
  }

  private List<Criterion> actionItemsClosed(
      TeamFacts facts, Period period, List<PostmortemPublished> published, Instant windowStart) {
    Instant t = period.asOf();
    Map<String, ActionItemClosed> closures = new LinkedHashMap<>();
    for (ActionItemClosed closed : facts.before(t, ActionItemClosed.class)) {
      closures.putIfAbsent(closed.postmortemId() + "/" + closed.actionItemId(), closed);
    }
    List<String> due = new ArrayList<>();
    List<String> onTimeEvidence = new ArrayList<>();
    List<String> lateEvidence = new ArrayList<>();
    for (PostmortemPublished p : latestPostmortems(published)) {
      for (ActionItem item : p.actionItems()) {
        if (item.dueAt().isBefore(windowStart) || !item.dueAt().isBefore(t)) {
          continue;
        }
        due.add(item.actionItemId());
        ActionItemClosed closed = closures.get(p.postmortemId() + "/" + item.actionItemId());
        if (closed != null && !closed.occurredAt().isAfter(item.dueAt())) {
          onTimeEvidence.add(closed.eventId());
        } else {
          lateEvidence.add(closed != null ? closed.eventId() : p.eventId());
        }
      }
    }
    boolean onTime =
        due.isEmpty() || Ratios.atLeast(onTimeEvidence.size(), due.size(), rules.onTimeShare());
    List<String> improvements =
        closures.values().stream()
            .filter(ActionItemClosed::shippedImprovement)
            .filter(c -> !c.occurredAt().isBefore(windowStart))
            .map(ActionItemClosed::eventId)
            .toList();
    return List.of(
        new Criterion(
            4,
            "postmortem.actions-on-time",
            "At least %s of action items due in the last %d days closed on time"
                .formatted(
                    Ratios.percent(rules.onTimeShare(), java.math.BigDecimal.ONE),
                    rules.lookbackDays()),
            onTime,
            due.isEmpty()
                ? "No action item was due"
                : "%d of %d due action item(s) closed on time (%s)"
                    .formatted(
                        onTimeEvidence.size(),
                        due.size(),
                        Ratios.percent(onTimeEvidence.size(), due.size())),
            onTime ? onTimeEvidence : lateEvidence),
        new Criterion(
            4,
            "postmortem.improvement-shipped",
            "An action item closed in the last %d days shipped an improvement"
                .formatted(rules.lookbackDays()),
            !improvements.isEmpty(),
            improvements.size() + " closure(s) shipped an improvement",
            improvements));
  }

  /** An incident recorded twice counts once, with its latest record. */
  private static List<IncidentRecorded> latestIncidents(List<IncidentRecorded> records) {
    Map<String, IncidentRecorded> latest = new LinkedHashMap<>();
    records.forEach(i -> latest.put(i.incidentId(), i));
    return List.copyOf(latest.values());
  }

  private static List<PostmortemPublished> latestPostmortems(List<PostmortemPublished> records) {
    Map<String, PostmortemPublished> latest = new LinkedHashMap<>();
    records.forEach(p -> latest.put(p.postmortemId(), p));
    return List.copyOf(latest.values());
  }

  private static List<String> ids(List<? extends TeamEvent> events) {
    return events.stream().map(TeamEvent::eventId).filter(Objects::nonNull).toList();
  }
}
