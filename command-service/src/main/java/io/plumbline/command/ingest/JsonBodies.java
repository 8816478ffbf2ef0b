package io.plumbline.command.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Parses a request body into one JSON value, or refuses it as malformed JSON. */
@Component
class JsonBodies {

  private final ObjectReader treeReader;

  JsonBodies(ObjectMapper mapper) {
    // one JSON value and nothing after it: "{…} xyz" and "{…}{…}" are not one object
    this.treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Parses a request body into a tree, or refuses it as malformed. */
  JsonNode parseTree(byte[] body) {
    try {
      JsonNode tree = treeReader.readTree(body);
      if (tree == null) {
        throw new IOException("empty body");
      }
      return tree;
    } catch (IOException e) {
      throw notJson(e);
    }
  }

  /** Parses a request body that must be one JSON object. */
  ObjectNode parseObject(byte[] body) {
    JsonNode tree = parseTree(body);
    if (!tree.isObject()) {
      throw new SubmissionRejectedException(
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "The request body must be one JSON object describing an event.",
          List.of());
    }
    return (ObjectNode) tree;
  }

  /** The refusal of a body that is not valid JSON, saying where it broke. */
  static SubmissionRejectedException notJson(IOException e) {
    return new SubmissionRejectedException(
        HttpStatus.BAD_REQUEST,
        "malformed-json",
        "The request body is not valid JSON" + where(e) + ".",
        List.of());
  }

  /** Where in the body JSON broke, as people count: line and column. */
  private static String where(IOException e) {
    if (e instanceof JsonProcessingException p && p.getLocation() != null) {
      return " at line %d, column %d"
          .formatted(p.getLocation().getLineNr(), p.getLocation().getColumnNr());
    }
    return "";
  }
}
