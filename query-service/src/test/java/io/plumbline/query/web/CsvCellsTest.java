package io.plumbline.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Group names reach leadership's spreadsheets as text, never as formulas. */
class CsvCellsTest {

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
        Arguments.of("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        Arguments.of("-2+3", "'-2+3"),
        Arguments.of("@SUM(A1)", "'@SUM(A1)"),
        Arguments.of("Payments", "Payments"),
        Arguments.of("Site-Reliability", "Site-Reliability"));
  }

  @ParameterizedTest
  @MethodSource("names")
  void aCellThatWouldBeAFormulaIsText(String name, String cell) {
    assertThat(CsvCells.safe(name)).isEqualTo(cell);
  }

  @org.junit.jupiter.api.Test
  void controlCharactersAreDroppedAndWhatThenLeadsIsCheckedToo() {
    assertThat(CsvCells.safe("Pay\u0000ments")).isEqualTo("Payments");
    assertThat(CsvCells.safe("\u0000=1+1")).isEqualTo("'=1+1");
    assertThat(CsvCells.safe("\tTab")).isEqualTo("'\tTab");
  }
}
