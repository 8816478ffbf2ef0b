package io.plumbline.query.report.model;

import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rubric.model.LevelName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's charts as SVG geometry for the template: the teams per level beside the quarter
 * before, and the mean score's trend.
 */
final class ReportCharts {

  private static final int LEVELS_WIDTH = 520;
  private static final int LEVELS_HEIGHT = 220;
  private static final int LEVELS_BASELINE = 180;
  private static final int LEVELS_TALLEST = 140;

  private static final int TREND_WIDTH = 560;
  private static final int TREND_HEIGHT = 220;
  private static final int TREND_TOP = 20;
  private static final int TREND_BOTTOM = 180;

  private ReportCharts() {}

  /** Teams per level this quarter beside the quarter before, as bars. */
  static Map<String, Object> levels(Rollup now, Rollup before) {
    int tallest = 1;
    for (int level = 0; level <= 5; level++) {
      tallest = Math.max(tallest, count(now, level));
      tallest = Math.max(tallest, count(before, level));
    }
    List<Map<String, Object>> bars = new ArrayList<>();
    List<Map<String, Object>> axis = new ArrayList<>();
    for (int level = 0; level <= 5; level++) {
      int x = 40 + level * 80;
      if (before != null) {
        bars.add(bar(x, count(before, level), tallest, "#bcccdc", before.quarter(), level));
      }
      bars.add(bar(x + 28, count(now, level), tallest, "#2f6fb3", now.quarter(), level));
      axis.add(Map.of("x", x + 27, "y", LEVELS_BASELINE + 16, "text", level + " " + name(level)));
    }
    return Map.of(
        "width", LEVELS_WIDTH,
        "height", LEVELS_HEIGHT,
        "baseline", LEVELS_BASELINE,
        "bars", bars,
        "axis", axis);
  }

  private static Map<String, Object> bar(
      int x, int count, int tallest, String fill, String quarter, int level) {
    int height = Math.round((float) count * LEVELS_TALLEST / tallest);
    Map<String, Object> bar = new LinkedHashMap<>();
    bar.put("x", x);
    bar.put("y", LEVELS_BASELINE - height);
    bar.put("width", 26);
    bar.put("height", height);
    bar.put("fill", fill);
    bar.put("tooltip", "%s: %d team(s) at level %d".formatted(quarter, count, level));
    bar.put("count", count);
    bar.put("labelX", x + 13);
    bar.put("labelY", LEVELS_BASELINE - height - 4);
    return bar;
  }

  /** The mean score quarter by quarter, as a line over a grid of scores. */
  static Map<String, Object> trend(List<Rollup> rollups) {
    List<Rollup> points = rollups.stream().filter(r -> r.meanScore() != null).toList();
    Map<String, Object> trend = new LinkedHashMap<>();
    trend.put("hasPoints", !points.isEmpty());
    trend.put("width", TREND_WIDTH);
    trend.put("height", TREND_HEIGHT);
    List<Map<String, Object>> grid = new ArrayList<>();
    for (int score = 0; score <= 100; score += 25) {
      int y = scoreY(BigDecimal.valueOf(score));
      grid.add(Map.of("y", y, "labelY", y + 4, "text", score));
    }
    trend.put("grid", grid);
    List<Map<String, Object>> marks = new ArrayList<>();
    int step = points.size() <= 1 ? 0 : (TREND_WIDTH - 100) / (points.size() - 1);
    for (int i = 0; i < points.size(); i++) {
      Rollup r = points.get(i);
      int x = points.size() == 1 ? TREND_WIDTH / 2 : 70 + i * step;
      int y = scoreY(r.meanScore());
      Map<String, Object> mark = new LinkedHashMap<>();
      mark.put("x", x);
      mark.put("y", y);
      mark.put("valueY", y - 8);
      mark.put("labelY", TREND_BOTTOM + 20);
      mark.put("value", r.meanScore().toPlainString());
      mark.put("quarter", r.quarter());
      mark.put(
          "tooltip",
          "%s: mean score %s over %d team(s)".formatted(r.quarter(), r.meanScore(), r.teams()));
      marks.add(mark);
    }
    trend.put("points", marks);
    trend.put(
        "polyline",
        marks.stream().map(m -> m.get("x") + "," + m.get("y")).collect(Collectors.joining(" ")));
    return trend;
  }

  private static int scoreY(BigDecimal score) {
    return TREND_BOTTOM
        - score
            .multiply(BigDecimal.valueOf(TREND_BOTTOM - TREND_TOP))
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
            .intValue();
  }

  private static int count(Rollup rollup, int level) {
    return rollup == null ? 0 : rollup.teamsPerLevel().getOrDefault(String.valueOf(level), 0);
  }

  private static String name(int level) {
    String name = LevelName.of(level).name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }
}
