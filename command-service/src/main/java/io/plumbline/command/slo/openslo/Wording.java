package io.plumbline.command.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** How a refusal names a field ({@code spec.objectives[0].target}) and the value it found there. */
final class Wording {

  private Wording() {}

  /** A JSON pointer as a field path people read: {@code spec.objectives[0].target}. */
  static String field(String pointer) {
    if (pointer.isEmpty()) {
      return null;
    }
    StringBuilder field = new StringBuilder();
    for (String part : pointer.substring(1).split("/")) {
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
        field.append('[').append(name).append(']');
      } else {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(name);
      }
    }
    return field.toString();
  }

  /** What kind of value a node is, as a refusal says it: text (with the text), number, object. */
  static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "text ('%s')".formatted(abbreviate(node.asText()));
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Text cut to its first 40 characters. */
  static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
