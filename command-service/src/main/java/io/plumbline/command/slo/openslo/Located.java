package io.plumbline.command.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One object of a file with the line where each of its values starts. */
final class Located {
  final String file;
  final int document;
  final Integer item;
  final JsonNode node;
  final Map<String, Integer> lines;

  /** What became of it so far: set when it is classified, replaced when it is refused. */
  Document doc;

  Located(String file, int document, Integer item, JsonNode node, Map<String, Integer> lines) {
    this.file = file;
    this.document = document;
    this.item = item;
    this.node = node;
    this.lines = lines;
  }

  /** The line where the value at a JSON pointer starts, or else its nearest enclosing value. */
  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 1;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Its document refused at the value a JSON pointer names, to be thrown. */
  Refused refusal(String pointer, String why) {
    return new Refused(doc.refused(Wording.field(pointer), line(pointer), why));
  }
}
