package io.plumbline.query.quarters.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A team whose quarterly figures must be recomputed from {@code fromQuarter} on. {@code seq} grows
 * with every mark, so the refresher removes the mark only if nothing arrived meanwhile. The scope
 * {@value #GROUPS} marks rollups after a change of the org tree.
 */
@Document("dirty_teams")
public record DirtyTeam(
    @Id String teamId, String fromQuarter, long seq, Instant firstMarkedAt, Instant lastMarkedAt) {

  public static final String GROUPS = "__groups__";
}
