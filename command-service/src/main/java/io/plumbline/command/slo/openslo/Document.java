package io.plumbline.command.slo.openslo;

/**
 * One document's outcome. {@code document} counts from 1 within its file; {@code item} is the
 * position in a top-level list, from 1, or null; {@code line} is where the document, item or
 * offending field starts.
 */
public record Document(
    String file,
    int document,
    Integer item,
    int line,
    String apiVersion,
    String kind,
    String name,
    Outcome outcome,
    String field,
    String detail) {

  Document refused(String atField, int atLine, String why) {
    return new Document(
        file, document, item, atLine, apiVersion, kind, name, Outcome.REFUSED, atField, why);
  }

  Document with(Outcome newOutcome, String why) {
    return new Document(file, document, item, line, apiVersion, kind, name, newOutcome, field, why);
  }

  /** Where it is, as people say it: {@code slos/a.yaml, document 2, item 1, line 14}. */
  public String where() {
    return file
        + ", document "
        + document
        + (item == null ? "" : ", item " + item)
        + ", line "
        + line;
  }

  /** A document refused before anything of it (version, kind, name) could be read. */
  static Document unread(String file, int document, Integer item, int line, String why) {
    return new Document(file, document, item, line, null, null, null, Outcome.REFUSED, null, why);
  }

  /** A document that holds nothing to read. */
  static Document ignored(String file, int document, int line, String why) {
    return new Document(file, document, null, line, null, null, null, Outcome.IGNORED, null, why);
  }
}
