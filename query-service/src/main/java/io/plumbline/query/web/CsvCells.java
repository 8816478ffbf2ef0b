package io.plumbline.query.web;

/**
 * Text that goes into a spreadsheet cell as text. A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is read by spreadsheet programs as a formula
 * (OWASP "CSV injection"), so such text is prefixed with an apostrophe; control characters such as
 * NUL are dropped.
 */
public final class CsvCells {

  private CsvCells() {}

  public static String safe(String text) {
    if (text == null) {
      return null;
    }
    String printable = text.replaceAll("[\\p{Cntrl}&&[^\\t\\r\\n]]", "");
    if (!printable.isEmpty() && "=+-@\t\r".indexOf(printable.charAt(0)) >= 0) {
      return "'" + printable;
    }
    return printable;
  }
}
