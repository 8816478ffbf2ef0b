package io.plumbline.command.slo.openslo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.slo.SloRules;
import io.plumbline.command.slo.SloSpec;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OpenSLO as the spec allows it to be written, in documents written here from each section of the
 * spec: every layout, window form, objective form, reference and version has an outcome, and none
 * is skipped in silence.
 */
class OpenSloDocumentsTest {

  /** An SLO with the parts most teams write: inline indicator, rolling window, one objective. */
  private static final String SLO =
      """
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout-availability
        annotations:
          plumbline.io/error-budget-policy: "true"
      spec:
        service: checkout-api
        budgetingMethod: Occurrences
        indicator:
          metadata:
            name: checkout-success
          spec:
            ratioMetric:
              counter: true
              good:
                metricSource:
                  type: Prometheus
                  spec:
                    query: sum(rate(http_requests_total{code!~"5.."}[5m]))
              total:
                metricSource:
                  type: Prometheus
                  spec:
                    query: sum(rate(http_requests_total[5m]))
        timeWindow:
          - duration: 4w
            isRolling: true
        objectives:
          - displayName: Checkout succeeds
            target: 0.999
        alertPolicies:
          - kind: AlertPolicy
            metadata:
              name: fast-burn
            spec:
              conditions:
                - conditionRef: burn-2x
              notificationTargets:
                - targetRef: on-call
      """;

  private static Reading read(String yaml) {
    return OpenSloDocuments.read(List.of(new SourceFile("slos/checkout.yaml", yaml)));
  }

  private static SloSpec only(Reading reading) {
    assertThat(reading.anyRefused()).as("%s", reading.documents()).isFalse();
    assertThat(reading.slos()).hasSize(1);
    return reading.slos().values().iterator().next();
  }

  private static Document refused(Reading reading) {
    List<Document> refused =
        reading.documents().stream().filter(d -> d.outcome() == Outcome.REFUSED).toList();
    assertThat(refused).as("%s", reading.documents()).hasSize(1);
    return refused.get(0);
  }

  @Test
  void anSloWithAnInlineIndicatorAndAlertPolicyIsReadWithEveryPlumblineFact() {
    SloSpec spec = only(read(SLO));

    assertThat(spec)
        .isEqualTo(
            new SloSpec(
                "checkout-availability",
                "checkout-api",
                SliKind.AVAILABILITY,
                List.of(new SloObjective("Checkout succeeds", new BigDecimal("99.9"))),
                new SloWindow("4w", false, null),
                true,
                true));
  }

  @Test
  void documentsSeparatedByDashesMixKindsAndEachHasAnOutcome() {
    String service = "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout-api\n";
    String dataSource =
        "apiVersion: openslo/v1\nkind: DataSource\nmetadata:\n  name: prom\nspec:\n  type: Prometheus\n";
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n";

    Reading reading = read(service + "---\n" + dataSource + "---\n" + SLO + "---\n" + deployment);

    assertThat(reading.documents())
        .extracting(Document::document, Document::kind, Document::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "Service", Outcome.IGNORED),
            org.assertj.core.groups.Tuple.tuple(2, "DataSource", Outcome.IGNORED),
            org.assertj.core.groups.Tuple.tuple(3, "SLO", Outcome.READ),
            org.assertj.core.groups.Tuple.tuple(4, "Deployment", Outcome.IGNORED));
    assertThat(reading.documents().get(3).detail()).contains("Not an OpenSLO document");
    assertThat(reading.documents().get(2).line()).isEqualTo(13);
  }

  @Test
  void aTopLevelListOfObjectsIsReadItemByItemWithReferencesResolvedAmongThem() {
    String list =
        """
        - apiVersion: openslo/v1
          kind: SLI
          metadata:
            name: web-success
          spec:
            ratioMetric:
              counter: true
              good: {metricSource: {type: Prometheus, spec: {query: good}}}
              total: {metricSource: {type: Prometheus, spec: {query: total}}}
        - apiVersion: openslo/v1
          kind: AlertPolicy
          metadata:
            name: page-on-burn
          spec:
            conditions:
              - conditionRef: burn
            notificationTargets:
              - targetRef: pager
        - apiVersion: openslo/v1
          kind: SLO
          metadata:
            name: web-availability
          spec:
            service: web
            indicatorRef: web-success
            budgetingMethod: Occurrences
            timeWindow:
              - duration: 28d
                isRolling: true
            objectives:
              - targetPercent: 99.5
            alertPolicies:
              - alertPolicyRef: page-on-burn
        """;

    Reading reading = read(list);

    SloSpec spec = only(reading);
    assertThat(spec.sloId()).isEqualTo("web-availability");
    assertThat(spec.burnRateAlerts()).isTrue();
    assertThat(reading.documents())
        .extracting(Document::item, Document::outcome, Document::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Outcome.USED, 1),
            org.assertj.core.groups.Tuple.tuple(2, Outcome.USED, 10),
            org.assertj.core.groups.Tuple.tuple(3, Outcome.READ, 19));
  }

  @Test
  void referencesAreResolvedAcrossTheSubmittedFilesAndAnUnresolvedOneIsRefusedByName() {
    String sli =
        "apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: success\nspec:\n"
            + "  thresholdMetric:\n    metricSource:\n      type: Prometheus\n      spec: {query: q}\n";
    String slo =
        SLO.replaceFirst(
            "(?s)  indicator:.*?  timeWindow:", "  indicatorRef: success\n  timeWindow:");

    Reading together =
        OpenSloDocuments.read(
            List.of(new SourceFile("slos/slo.yaml", slo), new SourceFile("slis/sli.yaml", sli)));
    Reading alone = read(slo);

    assertThat(only(together).sloId()).isEqualTo("checkout-availability");
    Document unresolved = refused(alone);
    assertThat(unresolved.field()).isEqualTo("spec.indicatorRef");
    assertThat(unresolved.detail()).contains("'success' names no SLI in the submitted files");
    assertThat(unresolved.line()).isEqualTo(10);
  }

  @Test
  void aCompositeSloHasAnIndicatorPerObjectiveAndEveryObjectiveIsRecorded() {
    String composite =
        """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: journey
        spec:
          service: shop
          budgetingMethod: Occurrences
          objectives:
            - displayName: browse
              targetPercent: 99.9
              indicatorRef: browse-ok
            - displayName: pay
              target: 0.9995
              indicator:
                metadata: {name: pay-ok}
                spec: {thresholdMetric: {metricSource: {type: Prometheus, spec: {query: q}}}}
        ---
        apiVersion: openslo/v1
        kind: SLI
        metadata: {name: browse-ok}
        spec: {thresholdMetric: {metricSource: {type: Prometheus, spec: {query: q}}}}
        """;

    SloSpec spec = only(read(composite));

    assertThat(spec.objectives())
        .containsExactly(
            new SloObjective("browse", new BigDecimal("99.9")),
            new SloObjective("pay", new BigDecimal("99.95")));
    assertThat(spec.window()).as("the spec leaves the window optional").isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'duration: 28d|isRolling: true', 28d, false,",
    "'duration: 4w', 4w, false,",
    "'duration: 720h|isRolling: true', 720h, false,",
    "'duration: 5m|isRolling: true', 5m, false,",
    "'duration: 1M|calendar:|  startTime: 2020-01-01 00:00:00|  timeZone: Europe/Berlin', 1M, true,"
        + " Europe/Berlin",
    "'duration: 1Q|isRolling: false', 1Q, true,",
    "'duration: 1Y|calendar:|  startTime: 2020-01-01 00:00:00', 1Y, true,",
  })
  void everyWindowFormOfTheSpecIsRead(
      String window, String duration, boolean calendarAligned, String zone) {
    String yaml =
        SLO.replace("duration: 4w\n      isRolling: true", window.replace("|", "\n      "));

    SloSpec spec = only(read(yaml));

    assertThat(spec.window()).isEqualTo(new SloWindow(duration, calendarAligned, zone));
  }

  @Test
  void windowsOutsideTheRubricsRangeAreReadAndThenRefusedWithTheRule() {
    assertThatThrownBy(
            () ->
                SloRules.check(
                    List.of(new SloObjective(null, BigDecimal.TEN)),
                    new SloWindow("1Y", true, null)))
        .isInstanceOf(CommandRejectedException.class)
        .hasMessageContaining("between 1 and 90 days")
        .hasMessageContaining("1Y");
    assertThatThrownBy(
            () ->
                SloRules.check(
                    List.of(new SloObjective(null, BigDecimal.TEN)),
                    new SloWindow("5m", false, null)))
        .isInstanceOf(CommandRejectedException.class)
        .extracting(e -> ((CommandRejectedException) e).reason())
        .isEqualTo(Reason.WINDOW_OUT_OF_RANGE);
    SloRules.check(
        List.of(new SloObjective(null, BigDecimal.TEN)), new SloWindow("1Q", true, null));
  }

  @Test
  void twoWindowsOrAnUnreadableDurationAreRefusedNotTakenFirst() {
    Document two =
        refused(
            read(
                SLO.replace(
                    "    isRolling: true\n",
                    "    isRolling: true\n    - duration: 7d\n      isRolling: true\n")));
    Document words = refused(read(SLO.replace("duration: 4w", "duration: 1 month")));

    assertThat(two.field()).isEqualTo("spec.timeWindow");
    assertThat(two.detail()).contains("exactly one window, found 2");
    assertThat(words.field()).isEqualTo("spec.timeWindow[0].duration");
    assertThat(words.detail()).contains("'1 month'");
    assertThat(words.line()).isEqualTo(27);
  }

  @Test
  void objectivesWrittenWrongSayWhichFileDocumentLineAndWhatWasExpected() {
    String second = SLO.replace("checkout-availability", "second");
    Document percentAsFraction =
        refused(read(SLO + "---\n" + second.replace("target: 0.999", "target: 99.9")));
    Document text = refused(read(SLO.replace("target: 0.999", "target: \"0.99\"")));
    Document both =
        refused(read(SLO.replace("target: 0.999", "target: 0.9\n      targetPercent: 90")));

    assertThat(percentAsFraction.where()).isEqualTo("slos/checkout.yaml, document 2, line 72");
    assertThat(percentAsFraction.field()).isEqualTo("spec.objectives[0].target");
    assertThat(percentAsFraction.detail()).contains("did you mean targetPercent: 99.9");
    assertThat(text.detail()).contains("must be a number").contains("the text \"0.99\"");
    assertThat(both.detail()).contains("not both");
  }

  @Test
  void aYamlErrorIsReportedInTheDocumentAndLineWhereItIs() {
    String broken = "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: [unclosed\n";

    Reading reading =
        OpenSloDocuments.read(
            List.of(
                new SourceFile("slos/ok.yaml", SLO.replace("checkout-availability", "ok")),
                new SourceFile(
                    "slos/broken.yaml",
                    SLO + "---\n" + SLO.replace("checkout-", "x-") + "---\n" + broken)));

    Document error = refused(reading);
    assertThat(error.file()).isEqualTo("slos/broken.yaml");
    assertThat(error.document()).isEqualTo(3);
    assertThat(error.line()).isBetween(86, 87);
    assertThat(error.detail()).startsWith("Not valid YAML at line");
  }

  @ParameterizedTest
  @CsvSource({
    "openslo/v2alpha, draft of the next OpenSLO version",
    "openslo/V1, Unknown OpenSLO version 'openslo/V1'",
    "openslo/v3, Unknown OpenSLO version",
    "n9/v1alpha, is not OpenSLO"
  })
  void anSloOfAnotherVersionIsRefusedNeverSkipped(String apiVersion, String said) {
    Document document = refused(read(SLO.replace("openslo/v1", apiVersion)));

    assertThat(document.field()).isEqualTo("apiVersion");
    assertThat(document.detail()).contains(said);
    assertThat(document.line()).isEqualTo(1);
  }

  @Test
  void v1alphaIsReadWhereItMapsOntoV1() {
    String v1alpha =
        """
        apiVersion: openslo/v1alpha
        kind: SLO
        metadata:
          name: slo1
          displayName: Integration test SLO1
        spec:
          service: svc01
          description: "this is SLO1."
          budgetingMethod: Occurrences
          objectives:
            - ratioMetrics:
                good: {source: prometheus, queryType: promql, query: good}
                total: {source: prometheus, queryType: promql, query: total}
              target: 0.99
          timeWindows:
            - count: 28
              isRolling: true
              unit: Day
        """;

    SloSpec spec = only(read(v1alpha));

    assertThat(spec.objectives()).containsExactly(new SloObjective(null, new BigDecimal("99")));
    assertThat(spec.window()).isEqualTo(new SloWindow("28d", false, null));
    assertThat(spec.burnRateAlerts()).isFalse();
  }

  @Test
  void aBodyOfDashesAloneReadsNoSloAndSaysSo() {
    Reading reading = read("---\n");

    assertThat(reading.slos()).isEmpty();
    assertThat(reading.documents()).extracting(Document::outcome).containsOnly(Outcome.IGNORED);
    assertThat(reading.documents().get(0).detail()).contains("empty");
  }

  @Test
  void anOpenSloNameOutsideTheIdRuleIsRefusedQuotingTheRule() {
    Document document = refused(read(SLO.replace("name: checkout-availability", "name: my slo")));

    assertThat(document.field()).isEqualTo("metadata.name");
    assertThat(document.detail())
        .contains("'my slo' cannot be an id")
        .contains(io.plumbline.events.Ids.PATTERN_MESSAGE);
  }

  @Test
  void aBareNameAsAlertPolicyOrNoIndicatorIsRefusedWithTheSpecsForm() {
    Document bare =
        refused(
            read(
                SLO.replaceFirst("(?s)  alertPolicies:.*", "  alertPolicies:\n    - fast-burn\n")));
    Document noIndicator =
        refused(read(SLO.replaceFirst("(?s)  indicator:.*?  timeWindow:", "  timeWindow:")));

    assertThat(bare.detail()).contains("'- alertPolicyRef: fast-burn'");
    assertThat(noIndicator.detail()).contains("needs an indicator");
  }

  @Test
  void anAlertPolicyNoSloRefersToIsIgnoredWithTheReason() {
    String policy =
        "apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: unused\nspec:\n"
            + "  conditions: []\n  notificationTargets: []\n";

    Reading reading = read(SLO + "---\n" + policy);

    assertThat(reading.documents().get(1).outcome()).isEqualTo(Outcome.IGNORED);
    assertThat(reading.documents().get(1).detail()).contains("referred to by no SLO");
  }

  @Test
  void annotationsSayTheSliKindAndAWrongOneIsRefused() {
    String latency =
        SLO.replace("plumbline.io/error-budget-policy: \"true\"", "plumbline.io/sli-kind: latency");

    assertThat(only(read(latency)).sliKind()).isEqualTo(SliKind.LATENCY);
    assertThat(only(read(latency)).errorBudgetPolicy()).isFalse();
    assertThat(refused(read(latency.replace("latency", "speed"))).detail())
        .contains("Unknown SLI kind 'speed'");
  }
}
