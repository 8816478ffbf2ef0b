package io.plumbline.query.facts.model;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every fact of one team (or, under {@link #GROUPS}, every group definition) in one document, so
 * that a team's history loads by its id: reads then need no secondary index, which the embedded
 * MongoDB stand-in does not have. {@code eventIds} makes appending idempotent; each payload is the
 * event's contract JSON, verbatim, so that every figure can be traced to it. The stored document
 * also has {@code count}, the number of events in the log, for operators and the benchmark to add
 * up.
 */
@Document("fact_logs")
public record FactLog(@Id String id, List<String> eventIds, List<String> payloads) {

  public static final String GROUPS = "__groups__";

  public static String team(String teamId) {
    return "team:" + teamId;
  }
}
