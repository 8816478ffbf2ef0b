package io.plumbline.query.quarters.model;

import io.plumbline.events.TeamEvent;
import io.plumbline.query.facts.model.TeamFacts;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.rubric.model.RubricInForce;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A team-quarter's figures standing against the quarter's publication: a restatement when they
 * differ from the published ones under the same rubric, naming the events that arrived since.
 */
public final class PublicationStanding {

  private PublicationStanding() {}

  /**
   * The figures against the quarter's publication, if it is published: restated when they differ
   * from the published ones under the same rubric, naming the events that arrived since and count
   * for the quarter; marked apart when the rubric changed since, which is no restatement.
   */
  public static TeamQuarter of(
      TeamQuarter next,
      TeamQuarter previous,
      Publication publication,
      PublishedTeamQuarter publishedRow,
      Quarter quarter,
      TeamFacts teamFacts,
      RubricInForce inForce,
      Instant now) {
    long generation = inForce.generation();
    Optional<PublishedTeamQuarter> published = Optional.ofNullable(publishedRow);
    boolean rubricChanged =
        published.isPresent()
            && !published.get().row().rubricVersion().equals(next.rubricVersion());
    List<TeamQuarter.Restatement> restatements = List.of();
    if (published.isPresent() && !rubricChanged && !next.sameFiguresAs(published.get().row())) {
      Instant end = inForce.evaluator().calendar().end(quarter);
      List<String> causes =
          teamFacts.arrivedAfter(published.get().factCount()).stream()
              .filter(event -> event.occurredAt().isBefore(end))
              .map(TeamEvent::eventId)
              .toList();
      Instant since =
          previous != null && !previous.restatements().isEmpty()
              ? previous.restatements().get(0).at()
              : now;
      restatements =
          List.of(
              new TeamQuarter.Restatement(
                  since,
                  causes,
                  "figures changed since the quarter was published",
                  publication.publishedAt(),
                  TeamQuarter.Figures.of(published.get().row()),
                  TeamQuarter.Figures.of(next)));
    }
    return next.standing(generation, rubricChanged, restatements);
  }
}
