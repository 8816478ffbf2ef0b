package io.plumbline.query.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuarterTest {

  @ParameterizedTest
  @CsvSource({
    "2026-01-01T00:00:00Z, 2026-Q1",
    "2026-03-31T23:59:59.999Z, 2026-Q1",
    "2026-04-01T00:00:00Z, 2026-Q2",
    "2026-12-31T23:59:59Z, 2026-Q4",
  })
  void calendarQuartersInUtc(String instant, String quarter) {
    assertThat(Quarter.Calendar.UTC.quarterOf(Instant.parse(instant)))
        .isEqualTo(Quarter.parse(quarter));
  }

  @Test
  void aQuartersFiguresAreEvaluatedAtTheFirstInstantOfTheNext() {
    Quarter q3 = Quarter.parse("2026-Q3");

    Instant end = Quarter.Calendar.UTC.end(q3);

    assertThat(end).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(Quarter.Calendar.UTC.quarterEndingBy(end)).isEqualTo(q3);
  }

  @Test
  void quartersFollowTheConfiguredTimeZone() {
    Quarter.Calendar berlin = new Quarter.Calendar(ZoneId.of("Europe/Berlin"), 1);

    assertThat(berlin.quarterOf(Instant.parse("2026-03-31T22:30:00Z")))
        .isEqualTo(Quarter.parse("2026-Q2"));
    assertThat(berlin.start(Quarter.parse("2026-Q2")))
        .isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
  }

  @Test
  void aFiscalYearStartingInJulyIsNamedAfterTheYearItEnds() {
    Quarter.Calendar july = new Quarter.Calendar(ZoneId.of("UTC"), 7);

    assertThat(july.quarterOf(Instant.parse("2026-07-15T00:00:00Z")))
        .isEqualTo(Quarter.parse("2027-Q1"));
    assertThat(july.quarterOf(Instant.parse("2026-06-30T23:00:00Z")))
        .isEqualTo(Quarter.parse("2026-Q4"));
    assertThat(july.start(Quarter.parse("2027-Q1")))
        .isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(july.start(Quarter.parse("2027-Q3")))
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void labelsParseAndRejectNonsense() {
    assertThat(Quarter.parse("2026-Q4").previous()).isEqualTo(Quarter.parse("2026-Q3"));
    assertThat(Quarter.parse("2026-Q1").previous()).isEqualTo(Quarter.parse("2025-Q4"));
    assertThatThrownBy(() -> Quarter.parse("2026-Q5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quarter.parse("Q3-2026")).isInstanceOf(IllegalArgumentException.class);
  }
}
