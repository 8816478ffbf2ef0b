package io.plumbline.query.rollups.store;

import io.plumbline.query.rollups.model.PublishedRollup;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rubric.model.Quarter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The stored rollups, read by scope and quarter, and as published: what the read API and the report
 * show.
 */
@Component
public class Rollups {

  private final MongoTemplate mongo;

  Rollups(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<Rollup> find(String scope, Quarter quarter) {
    return Optional.ofNullable(mongo.findById(Rollup.id(scope, quarter.toString()), Rollup.class));
  }

  /** Every rollup of a quarter: the org's first, then the groups' by id. */
  public List<Rollup> ofQuarter(Quarter quarter) {
    return mongo
        .find(Query.query(Criteria.where("quarter").is(quarter.toString())), Rollup.class)
        .stream()
        .sorted(
            Comparator.comparing((Rollup r) -> !r.scope().equals(Rollup.ORG))
                .thenComparing(Rollup::scope))
        .toList();
  }

  /** Every rollup of a published quarter as it was published, by scope. */
  public List<Rollup> published(Quarter quarter) {
    return mongo
        .find(Query.query(Criteria.where("quarter").is(quarter.toString())), PublishedRollup.class)
        .stream()
        .map(PublishedRollup::rollup)
        .sorted(Comparator.comparing(Rollup::scope))
        .toList();
  }

  /** One scope's rollups from one quarter to another, both included, in order. */
  public List<Rollup> range(String scope, Quarter from, Quarter to) {
    List<String> ids = new java.util.ArrayList<>();
    for (Quarter q = from; q.compareTo(to) <= 0; q = q.next()) {
      ids.add(Rollup.id(scope, q.toString()));
    }
    return mongo.find(Query.query(Criteria.where("_id").in(ids)), Rollup.class).stream()
        .sorted(Comparator.comparing((Rollup r) -> Quarter.parse(r.quarter())))
        .toList();
  }

  /** The quarters that have the org's figures. */
  public List<Quarter> quarters() {
    return mongo
        .findDistinct(
            Query.query(Criteria.where("scope").is(Rollup.ORG)),
            "quarter",
            Rollup.class,
            String.class)
        .stream()
        .map(Quarter::parse)
        .sorted()
        .toList();
  }
}
