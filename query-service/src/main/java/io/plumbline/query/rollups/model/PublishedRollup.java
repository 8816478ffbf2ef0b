package io.plumbline.query.rollups.model;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A rollup of a published quarter, frozen as leadership saw it. */
@Document("published_rollups")
public record PublishedRollup(@Id String id, String quarter, Rollup rollup) {}
