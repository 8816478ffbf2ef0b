package io.plumbline.query.rollups.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/** A group's (or the org's, with no group id) teams and mean level per practice. */
@JsonPropertyOrder({
  "quarter",
  "groupId",
  "groupPath",
  "teams",
  "slos",
  "postmortems",
  "runbooks",
  "toil"
})
public record HeatMapRow(
    String quarter,
    String groupId,
    String groupPath,
    int teams,
    BigDecimal slos,
    BigDecimal postmortems,
    BigDecimal runbooks,
    BigDecimal toil) {}
