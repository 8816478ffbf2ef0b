package io.plumbline.query.web;

/**
 * Text that goes into a spreadsheet cell as text. A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is read by spreadsheet programs as a formula
 * (OWASP "CSV injection"), so such text is prefixed with an apostrophe; control characters such as
 * NUL are dropped.
 */
public final class CsvCells {

  private static final com.fasterxml.jackson.dataformat.csv.CsvMapper CSV =
      new com.fasterxml.jackson.dataformat.csv.CsvMapper();

  private CsvCells() {}

  /** Rows as a CSV download with a header line, named {@code name}.csv. */
  public static <T> org.springframework.http.ResponseEntity<String> response(
      String name, Class<T> type, java.util.List<T> rows)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(
            new org.springframework.http.MediaType(
                "text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + name + ".csv\"")
        .body(CSV.writer(CSV.schemaFor(type).withHeader()).writeValueAsString(rows));
  }

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
