package io.plumbline.conformance;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenAPI document checked into {@code docs/openapi} must be the one a service serves. When the
 * API changes on purpose, a run with {@code -Dplumbline.openapi.update=true} rewrites the file.
 */
public final class CheckedInContract {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckedInContract() {}

  /** Fails unless the served document equals the checked-in one (rewriting it first if asked). */
  public static void assertServedMatches(String servedDocument, Path checkedIn) throws IOException {
    JsonNode served = JSON.readTree(servedDocument);
    if (Boolean.getBoolean("plumbline.openapi.update")) {
      Files.writeString(checkedIn, JSON.writeValueAsString(served) + "\n");
    }
    assertTrue(
        Files.exists(checkedIn),
        checkedIn + " is missing; run with -Dplumbline.openapi.update=true");
    String difference = firstDifference("", JSON.readTree(checkedIn.toFile()), served);
    assertNull(
        difference,
        () ->
            "The served API differs from "
                + checkedIn
                + " at "
                + difference
                + "; if the change is intended, rerun with -Dplumbline.openapi.update=true and"
                + " commit the file");
  }

  /** The JSON pointer of the first place the two documents differ, or null where they agree. */
  private static String firstDifference(String at, JsonNode expected, JsonNode actual) {
    if (expected.isObject() && actual.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode a = expected.get(name);
        JsonNode b = actual.get(name);
        String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
        if (a == null || b == null) {
          return path + (a == null ? " (only served)" : " (only checked in)");
        }
        String inner = firstDifference(path, a, b);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        String inner = firstDifference(at + "/" + i, expected.get(i), actual.get(i));
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    return expected.equals(actual) ? null : at + ": checked in " + expected + ", served " + actual;
  }
}
