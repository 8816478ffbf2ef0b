package io.plumbline.command.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.events.slo.SliKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSloDocumentsTest {

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
        timeWindow:
          - duration: 4w
            isRolling: true
        objectives:
          - target: 0.999
        alertPolicies:
          - fast-burn
      """;

  @Test
  void readsAnSloAndSkipsOtherKinds() {
    List<SloSpec> specs =
        OpenSloDocuments.parse(
            "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout-api\n---\n" + SLO);

    assertThat(specs)
        .containsExactly(
            new SloSpec(
                "checkout-availability",
                "checkout-api",
                SliKind.AVAILABILITY,
                new java.math.BigDecimal("99.9"),
                28,
                true,
                true));
  }

  @Test
  void anSliKindAndAPercentTargetComeFromTheDocument() {
    SloSpec spec =
        OpenSloDocuments.parse(
                SLO.replace("target: 0.999", "targetPercent: 95")
                    .replace("4w", "720h")
                    .replace(
                        "plumbline.io/error-budget-policy: \"true\"",
                        "plumbline.io/sli-kind: latency"))
            .get(0);

    assertThat(spec.sliKind()).isEqualTo(SliKind.LATENCY);
    assertThat(spec.objectivePercent()).isEqualByComparingTo("95");
    assertThat(spec.windowDays()).isEqualTo(30);
    assertThat(spec.errorBudgetPolicy()).isFalse();
  }

  @Test
  void aDocumentWithoutServiceOrWithAnOddWindowIsRefusedWithItsField() {
    assertThatThrownBy(() -> OpenSloDocuments.parse(SLO.replace("service: checkout-api", "")))
        .isInstanceOf(OpenSloDocuments.InvalidDocumentException.class)
        .hasMessageContaining("/spec/service");
    assertThatThrownBy(() -> OpenSloDocuments.parse(SLO.replace("4w", "1M")))
        .isInstanceOf(OpenSloDocuments.InvalidDocumentException.class)
        .hasMessageContaining("28d, 4w or 720h");
  }
}
