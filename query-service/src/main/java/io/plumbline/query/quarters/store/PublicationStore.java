package io.plumbline.query.quarters.store;

import io.plumbline.query.facts.store.TeamFactsReader;
import io.plumbline.query.quarters.model.Publication;
import io.plumbline.query.quarters.model.PublishedTeamQuarter;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.rubric.model.Quarter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The published quarters and their frozen team rows. Publishing is safe to retry and to race: the
 * rows are written by id, and the publication itself is inserted once — whoever inserts second
 * reads the first one's.
 */
@Component
public class PublicationStore {

  private final MongoTemplate mongo;
  private final TeamFactsReader facts;

  PublicationStore(MongoTemplate mongo, TeamFactsReader facts) {
    this.mongo = mongo;
    this.facts = facts;
  }

  public Optional<Publication> find(Quarter quarter) {
    return Optional.ofNullable(mongo.findById(quarter.toString(), Publication.class));
  }

  public List<Publication> all() {
    return mongo.findAll(Publication.class).stream()
        .sorted(java.util.Comparator.comparing(p -> Quarter.parse(p.quarter())))
        .toList();
  }

  /** Every publication, by quarter: read once per round of recomputation. */
  Map<String, Publication> byQuarter() {
    Map<String, Publication> byQuarter = new java.util.HashMap<>();
    mongo.findAll(Publication.class).forEach(p -> byQuarter.put(p.quarter(), p));
    return byQuarter;
  }

  /** The frozen team rows of a published quarter. */
  public List<TeamQuarter> publishedRows(Quarter quarter) {
    return mongo
        .find(
            Query.query(Criteria.where("quarter").is(quarter.toString())),
            PublishedTeamQuarter.class)
        .stream()
        .map(PublishedTeamQuarter::row)
        .toList();
  }

  /** The live team rows of a quarter. */
  public List<TeamQuarter> liveRows(Quarter quarter) {
    return mongo.find(
        Query.query(Criteria.where("quarter").is(quarter.toString())), TeamQuarter.class);
  }

  /**
   * How many teams still wait to be recomputed from this quarter or earlier: a publication freezes
   * figures only once none do.
   */
  public long pendingThrough(Quarter quarter) {
    return mongo.count(
        Query.query(
            Criteria.where("_id").ne(DirtyTeam.GROUPS).and("fromQuarter").lte(quarter.toString())),
        DirtyTeam.class);
  }

  /**
   * Freezes the quarter's team rows as they stand, each with the count of the team's events at that
   * moment. The counts are read first, so an event arriving meanwhile counts as arrived after.
   *
   * @return the rows frozen
   */
  public List<TeamQuarter> freeze(Quarter quarter) {
    Map<String, Long> counts = facts.factCounts();
    List<TeamQuarter> rows = liveRows(quarter);
    for (TeamQuarter row : rows) {
      mongo.save(
          new PublishedTeamQuarter(
              row.id(), row.quarter(), row, counts.getOrDefault(row.teamId(), 0L)));
    }
    return rows;
  }

  /**
   * Records the publication once.
   *
   * @return the publication given when this call recorded it; otherwise the one recorded first (by
   *     a race or a retry), which stands
   */
  public Publication commit(Publication publication) {
    try {
      return mongo.insert(publication);
    } catch (DuplicateKeyException alreadyPublished) {
      return mongo.findById(publication.quarter(), Publication.class);
    }
  }
}
