package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.events.postmortem.Severity;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RubricDocumentTest {

  @Test
  void theDefaultRubricReproducesTheMaturityModelTable() {
    Rubric rubric = RubricDocument.defaultRubric();

    assertThat(rubric.version()).isEqualTo("default-1");
    assertThat(rubric.weights().values()).allMatch(w -> w.compareTo(java.math.BigDecimal.ONE) == 0);
    assertThat(rubric.slos().burnRateAlertTiers()).containsExactly(1);
    assertThat(rubric.slos().fullCoverageTiers()).containsExactlyInAnyOrder(1, 2);
    assertThat(rubric.postmortems().majorSeverities())
        .isEqualTo(Set.of(Severity.SEV1, Severity.SEV2));
    assertThat(rubric.postmortems().publishedShare()).isEqualByComparingTo("0.8");
    assertThat(rubric.postmortems().onTimeShare()).isEqualByComparingTo("0.7");
    assertThat(rubric.runbooks().ownedCoverage()).isEqualByComparingTo("0.5");
    assertThat(rubric.runbooks().proactiveReviewDays()).isEqualTo(180);
    assertThat(rubric.toil().ownedMaxShare()).isEqualByComparingTo("0.5");
    assertThat(rubric.toil().multiplyingMaxShare()).isEqualByComparingTo("0.2");
  }

  @Test
  void aShareAbove1IsRefusedWithItsName() throws Exception {
    String text =
        new String(RubricDocument.class.getResourceAsStream("/rubric/default.yaml").readAllBytes())
            .replace("ownedCoverage: 0.5", "ownedCoverage: 1.5");

    assertThatThrownBy(() -> RubricDocument.parse(text))
        .isInstanceOf(RubricDocument.InvalidRubricException.class)
        .hasMessageContaining("runbooks.ownedCoverage");
  }

  @Test
  void aMissingSectionIsRefused() {
    assertThatThrownBy(() -> RubricDocument.parse("version: x\nweights: {}\n"))
        .isInstanceOf(RubricDocument.InvalidRubricException.class);
  }

  @Test
  void anUnknownSettingIsRefusedRatherThanIgnored() {
    assertThatThrownBy(() -> RubricDocument.parse("version: x\nslo: {}\n"))
        .isInstanceOf(RubricDocument.InvalidRubricException.class)
        .hasMessageContaining("slo");
  }
}
