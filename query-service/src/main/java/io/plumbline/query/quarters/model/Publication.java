package io.plumbline.query.quarters.model;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A quarter as leadership saw it: published at an instant, by an admin or automatically once its
 * grace period had passed, under a rubric. Its team rows and rollups are frozen alongside; figures
 * that differ from them later are restatements.
 */
@Document("publications")
public record Publication(
    @Id String quarter, Instant publishedAt, String publishedBy, String rubricVersion, int teams) {

  /** Who publishes a quarter whose grace period passed while Plumbline ran. */
  public static final String AUTOMATIC = "automatic";
}
