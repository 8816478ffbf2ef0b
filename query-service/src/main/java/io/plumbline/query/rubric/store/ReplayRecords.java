package io.plumbline.query.rubric.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The latest rubric replay: which version, since when, over how many teams. */
public interface ReplayRecords extends MongoRepository<ReplayRecords.ReplayRecord, String> {

  @Document("rubric_replays")
  record ReplayRecord(@Id String id, String version, Instant startedAt, int teams) {
    public static final String LATEST = "latest";
  }
}
