package io.plumbline.query.rollups.model;

import io.plumbline.query.org.model.GroupTree;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The group × practice matrix of mean levels of a quarter, the org first. */
public record HeatMap(String quarter, List<String> practices, List<HeatMapRow> rows) {

  /** The heat map of a quarter's rollups, each group named by its path in the tree then. */
  public static HeatMap of(
      String quarter, List<String> practices, List<Rollup> rollups, GroupTree tree) {
    List<HeatMapRow> rows =
        rollups.stream()
            .map(
                r -> {
                  Map<String, BigDecimal> means = r.meanLevelPerPractice();
                  String path =
                      r.groupId() == null ? "" : String.join(" / ", tree.path(r.groupId()));
                  return new HeatMapRow(
                      r.quarter(),
                      r.groupId(),
                      path,
                      r.teams(),
                      means.get("slos"),
                      means.get("postmortems"),
                      means.get("runbooks"),
                      means.get("toil"));
                })
            .sorted(
                Comparator.comparing((HeatMapRow row) -> row.groupId() != null)
                    .thenComparing(HeatMapRow::groupPath)
                    .thenComparing(row -> String.valueOf(row.groupId())))
            .toList();
    return new HeatMap(quarter, practices, rows);
  }
}
