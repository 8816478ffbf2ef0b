package io.plumbline.command.slo.openslo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a file into its YAML documents, and a top-level list into its items, each an object with
 * the line where every one of its values starts; a document that holds nothing is ignored, and YAML
 * that cannot be parsed refuses the document where it stops.
 */
final class YamlDocuments {

  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlDocuments() {}

  /** Adds the file's objects, and the documents it already has an outcome for. */
  static void parse(SourceFile file, List<Located> objects, List<Document> documents) {
    int document = 0;
    int reading = 1;
    try (JsonParser parser = YAML.createParser(file.content())) {
      while (true) {
        reading = document + 1;
        JsonToken token = parser.nextToken();
        if (token == null) {
          break;
        }
        document++;
        int line = parser.currentTokenLocation().getLineNr();
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root = value(parser, token, "", lines);
        if (root.isArray()) {
          for (int i = 0; i < root.size(); i++) {
            Map<String, Integer> itemLines = new HashMap<>();
            String prefix = "/" + i;
            lines.forEach(
                (pointer, at) -> {
                  if (pointer.equals(prefix) || pointer.startsWith(prefix + "/")) {
                    itemLines.put(pointer.substring(prefix.length()), at);
                  }
                });
            objects.add(new Located(file.name(), document, i + 1, root.get(i), itemLines));
          }
          if (root.isEmpty()) {
            documents.add(
                Document.ignored(file.name(), document, line, "an empty list: nothing to read"));
          }
        } else if (root.isNull() || (root.isTextual() && root.asText().isEmpty())) {
          documents.add(Document.ignored(file.name(), document, line, "an empty document"));
        } else {
          objects.add(new Located(file.name(), document, null, root, lines));
        }
      }
      if (document == 0) {
        documents.add(Document.ignored(file.name(), 1, 1, "an empty file"));
      }
    } catch (IOException e) {
      JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
      String problem =
          e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      documents.add(
          Document.unread(
              file.name(),
              reading,
              null,
              line,
              "Not valid YAML at line %d: %s. Nothing after it in this file could be read."
                  .formatted(line, firstLine(problem))));
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    String first = text.strip().split("\\R", 2)[0];
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }

  /** Builds the value at the current token, noting the line of it and of everything inside. */
  private static JsonNode value(
      JsonParser parser, JsonToken token, String pointer, Map<String, Integer> lines)
      throws IOException {
    lines.put(pointer, parser.currentTokenLocation().getLineNr());
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
          lines.put(child, parser.currentTokenLocation().getLineNr());
          JsonToken next = parser.nextToken();
          object.set(name, value(parser, next, child, lines));
          lines.putIfAbsent(child, parser.currentTokenLocation().getLineNr());
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(value(parser, next, pointer + "/" + array.size(), lines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return nodes.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      default -> {
        return nodes.nullNode();
      }
    }
  }
}
