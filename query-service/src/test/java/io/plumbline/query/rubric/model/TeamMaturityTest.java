package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamMaturityTest {

  private static TeamMaturity withLevels(int slos, int postmortems, int runbooks, int toil) {
    return new TeamMaturity(
        "t",
        Quarter.parse("2026-Q3"),
        Instant.parse("2026-10-01T00:00:00Z"),
        Map.of(
            Practice.SLOS, new PracticeResult(Practice.SLOS, slos, List.of()),
            Practice.POSTMORTEMS, new PracticeResult(Practice.POSTMORTEMS, postmortems, List.of()),
            Practice.RUNBOOKS, new PracticeResult(Practice.RUNBOOKS, runbooks, List.of()),
            Practice.TOIL, new PracticeResult(Practice.TOIL, toil, List.of())));
  }

  @Test
  void theWeakestPracticeHoldsTheTeamBack() {
    assertThat(withLevels(5, 3, 4, 2).overallLevel()).isEqualTo(2);
  }

  @Test
  void theScoreIsTwentyTimesTheMeanLevelToOneDecimal() {
    assertThat(withLevels(2, 0, 0, 0).score(Map.of())).isEqualByComparingTo("10.0");
    assertThat(withLevels(5, 3, 4, 2).score(Map.of())).isEqualByComparingTo("70.0");
    assertThat(withLevels(1, 1, 1, 0).score(Map.of())).isEqualByComparingTo("15.0");
  }

  @Test
  void weightsShiftTheScore() {
    Map<Practice, BigDecimal> weights =
        Map.of(
            Practice.SLOS, new BigDecimal("2"),
            Practice.POSTMORTEMS, BigDecimal.ONE,
            Practice.RUNBOOKS, BigDecimal.ONE,
            Practice.TOIL, BigDecimal.ONE);

    assertThat(withLevels(5, 0, 0, 0).score(weights)).isEqualByComparingTo("40.0");
    assertThat(withLevels(1, 2, 2, 2).score(weights)).isEqualByComparingTo("32.0");
  }
}
