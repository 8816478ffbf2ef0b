package io.plumbline.query.report.model;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.plumbline.query.rollups.model.Rollup;
import io.plumbline.query.rubric.model.Practice;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link QuarterReport} as one HTML page with no external asset: its style inline, its
 * charts as SVG whose geometry is computed here. Every text is HTML-escaped by the template.
 */
public final class ReportPage {

  private static final Template TEMPLATE = template();

  private ReportPage() {}

  public static String render(QuarterReport report, Instant generatedAt) {
    Rollup now = report.rollup();
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", report.title());
    page.put("quarter", report.quarter());
    page.put(
        "previousQuarter",
        io.plumbline.query.rubric.model.Quarter.parse(report.quarter()).previous().toString());
    page.put("asOf", report.asOf().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    page.put("rubricVersion", now.rubricVersion());
    page.put(
        "publicationText",
        report
            .publication()
            .map(
                p ->
                    "Published %s by %s under %s."
                        .formatted(p.publishedAt(), p.publishedBy(), p.rubricVersion()))
            .orElse("Not published: these are live figures."));
    page.put("figures", figures(now, report.previous().orElse(null)));
    page.put("levels", ReportCharts.levels(now, report.previous().orElse(null)));
    page.put("trend", ReportCharts.trend(report.trend()));
    List<Map<String, Object>> movers = new ArrayList<>();
    report.moversUp().forEach(m -> movers.add(mover(m, "up")));
    report.moversDown().forEach(m -> movers.add(mover(m, "down")));
    page.put("hasMovers", !movers.isEmpty());
    page.put("movers", movers);
    page.put(
        "practices", java.util.Arrays.stream(Practice.values()).map(ReportPage::label).toList());
    page.put("hasGroups", !report.groups().isEmpty());
    page.put("groups", report.groups().stream().map(ReportPage::group).toList());
    List<Map<String, Object>> restatements =
        now.restatements().stream()
            .map(r -> restatement(r, report.teamNames().getOrDefault(r.teamId(), r.teamId())))
            .toList();
    page.put("hasRestatements", !restatements.isEmpty());
    page.put("restatements", restatements);
    page.put(
        "noRestatementsText",
        report.publication().isPresent()
            ? "No team's figures changed since the quarter was published."
                + (now.rubricChangedSincePublication()
                    ? " The rubric changed since; that is not a restatement."
                    : "")
            : "The quarter is not published yet, so nothing is restated.");
    page.put("hasCampaigns", !report.campaigns().isEmpty());
    page.put(
        "campaigns",
        report.campaigns().stream()
            .map(
                c -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("name", c.name());
                  row.put("target", c.target());
                  row.put(
                      "scope",
                      (c.groupId() == null ? "every team" : "group " + c.groupId())
                          + (c.tier() == null ? "" : ", owning a tier-" + c.tier() + " service"));
                  row.put("deadline", c.deadline().toString());
                  row.put("state", c.frozen() ? "final" : "running");
                  row.put("met", c.met());
                  row.put("teams", c.teams());
                  row.put("atRisk", c.atRisk());
                  return row;
                })
            .toList());
    page.put("hasMostFailed", !report.mostFailed().isEmpty());
    page.put("mostFailed", report.mostFailed());
    page.put("teamsWithNextSteps", report.teamsWithNextSteps());
    page.put(
        "generatedAt", generatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    return TEMPLATE.execute(page);
  }

  private static List<Map<String, Object>> figures(Rollup now, Rollup before) {
    List<Map<String, Object>> figures = new ArrayList<>();
    figures.add(
        figure(
            String.valueOf(now.teams()),
            "teams",
            before == null ? null : BigDecimal.valueOf(now.teams() - (long) before.teams()),
            ""));
    figures.add(
        figure(
            text(now.meanScore()),
            "mean score (0–100)",
            difference(now.meanScore(), before == null ? null : before.meanScore()),
            ""));
    figures.add(figure(text(now.medianScore()), "median score", null, ""));
    int byExemption =
        now.teamsPerLevelByExemption() == null
            ? 0
            : now.teamsPerLevelByExemption().values().stream().mapToInt(Integer::intValue).sum();
    figures.add(
        figure(String.valueOf(byExemption), "team(s) whose level rests on an exemption", null, ""));
    figures.add(
        figure(
            percent(now.shareAtLevel3OrAbove()),
            "teams at level 3 or above",
            difference(
                scaled(now.shareAtLevel3OrAbove()),
                before == null ? null : scaled(before.shareAtLevel3OrAbove())),
            " points"));
    figures.add(figure(percent(now.tier1SloCoverage()), "tier-1 services with an SLO", null, ""));
    figures.add(
        figure(
            now.medianPostmortemLeadTimeHours() == null
                ? "–"
                : now.medianPostmortemLeadTimeHours().toPlainString() + " h",
            "median postmortem lead time",
            null,
            ""));
    figures.add(figure(percent(now.medianToilShare()), "median toil share", null, ""));
    return figures;
  }

  private static Map<String, Object> figure(
      String value, String label, BigDecimal change, String unit) {
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("value", value);
    figure.put("label", label);
    if (change != null) {
      int sign = change.signum();
      figure.put(
          "change",
          sign == 0
              ? "unchanged on the quarter before"
              : (sign > 0 ? "▲ +" : "▼ ")
                  + change.stripTrailingZeros().toPlainString()
                  + unit
                  + " on the quarter before");
      figure.put("changeClass", sign > 0 ? "up" : sign < 0 ? "down" : "same");
    }
    return figure;
  }

  private static Map<String, Object> mover(QuarterReport.Mover mover, String direction) {
    return Map.of(
        "teamName", mover.teamName(),
        "groupPath", mover.groupPath(),
        "from", mover.from(),
        "to", mover.to(),
        "direction", direction);
  }

  private static Map<String, Object> group(QuarterReport.GroupLevels group) {
    List<Map<String, Object>> cells = new ArrayList<>();
    for (BigDecimal mean : group.means()) {
      cells.add(
          Map.of(
              "value", mean == null ? "–" : mean.toPlainString(),
              "color", mean == null ? "#ffffff" : heat(mean)));
    }
    return Map.of("path", group.path(), "teams", group.teams(), "cells", cells);
  }

  /** From red at level 0 to green at level 5, pale enough to read the number on it. */
  private static String heat(BigDecimal mean) {
    int hue = mean.multiply(BigDecimal.valueOf(24)).setScale(0, RoundingMode.HALF_UP).intValue();
    return "hsl(" + Math.max(0, Math.min(120, hue)) + ", 65%, 82%)";
  }

  private static Map<String, Object> restatement(Rollup.TeamRestatement r, String teamName) {
    return Map.of(
        "teamName", teamName,
        "levelBefore", r.before().overallLevel(),
        "levelAfter", r.after().overallLevel(),
        "scoreBefore", r.before().score().toPlainString(),
        "scoreAfter", r.after().score().toPlainString(),
        "events", String.join(", ", r.eventIds()));
  }

  private static String label(Practice practice) {
    return switch (practice) {
      case SLOS -> "SLOs";
      case POSTMORTEMS -> "Postmortems";
      case RUNBOOKS -> "Runbooks";
      case TOIL -> "Toil";
    };
  }

  private static String text(BigDecimal value) {
    return value == null ? "–" : value.toPlainString();
  }

  private static BigDecimal scaled(BigDecimal share) {
    return share == null ? null : share.multiply(BigDecimal.valueOf(100));
  }

  private static String percent(BigDecimal share) {
    return share == null
        ? "–"
        : scaled(share).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
            + " %";
  }

  private static BigDecimal difference(BigDecimal now, BigDecimal before) {
    return now == null || before == null ? null : now.subtract(before);
  }

  private static Template template() {
    try (Reader reader =
        new InputStreamReader(
            ReportPage.class.getResourceAsStream("/report/quarter.mustache"),
            StandardCharsets.UTF_8)) {
      return Mustache.compiler().strictSections(false).compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
