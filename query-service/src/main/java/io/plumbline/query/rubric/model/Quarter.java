package io.plumbline.query.rubric.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a (fiscal) year. With a fiscal year starting in month M ≠ January, the fiscal year
 * is named after the calendar year in which it ends: with M = July, July 2026 opens FY2027-Q1.
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {

  private static final Pattern LABEL = Pattern.compile("^(\\d{4})-Q([1-4])$");

  public Quarter {
    if (number < 1 || number > 4) {
      throw new IllegalArgumentException("A quarter number is 1 to 4, not " + number);
    }
  }

  /**
   * @throws IllegalArgumentException when the label is not like {@code 2026-Q3}
   */
  public static Quarter parse(String label) {
    Matcher m = LABEL.matcher(label == null ? "" : label);
    if (!m.matches()) {
      throw new IllegalArgumentException("A quarter is written like 2026-Q3, not '" + label + "'");
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public Quarter previous() {
    return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
  }

  public Quarter next() {
    return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
  }

  @Override
  public int compareTo(Quarter other) {
    return year != other.year
        ? Integer.compare(year, other.year)
        : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return "%04d-Q%d".formatted(year, number);
  }

  /** How quarters map onto time: a zone and the month the fiscal year starts in. */
  public record Calendar(ZoneId zone, int fiscalYearStartMonth) {

    public static final Calendar UTC = new Calendar(ZoneId.of("UTC"), 1);

    public Calendar {
      if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
        throw new IllegalArgumentException("The fiscal year starts in month 1 to 12");
      }
    }

    /** The quarter an instant lies in. */
    public Quarter quarterOf(Instant instant) {
      LocalDate date = instant.atZone(zone).toLocalDate();
      int monthsIntoFiscalYear = Math.floorMod(date.getMonthValue() - fiscalYearStartMonth, 12);
      int fiscalYear = date.getYear();
      if (fiscalYearStartMonth != 1 && date.getMonthValue() >= fiscalYearStartMonth) {
        fiscalYear++;
      }
      return new Quarter(fiscalYear, monthsIntoFiscalYear / 3 + 1);
    }

    /** The quarter whose figures are evaluated at instant T: the one holding the instant before. */
    public Quarter quarterEndingBy(Instant evaluationInstant) {
      return quarterOf(evaluationInstant.minusNanos(1));
    }

    public Instant start(Quarter quarter) {
      int calendarYear = fiscalYearStartMonth == 1 ? quarter.year() : quarter.year() - 1;
      ZonedDateTime fiscalYearStart =
          LocalDate.of(calendarYear, fiscalYearStartMonth, 1).atStartOfDay(zone);
      return fiscalYearStart.plusMonths(3L * (quarter.number() - 1)).toInstant();
    }

    /** Where a quarter's figures are read: at its end once it has closed, now while it runs. */
    public Instant evaluationInstant(Quarter quarter, Instant now) {
      Instant end = end(quarter);
      return end.isAfter(now) ? now : end;
    }

    /** The first instant of the next quarter: a quarter's figures are evaluated there. */
    public Instant end(Quarter quarter) {
      return start(quarter.next());
    }
  }
}
