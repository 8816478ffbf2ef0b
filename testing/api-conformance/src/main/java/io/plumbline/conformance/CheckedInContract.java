package io.plumbline.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertEquals(
        JSON.readTree(checkedIn.toFile()),
        served,
        "The served API differs from "
            + checkedIn
            + "; if the change is intended, rerun with -Dplumbline.openapi.update=true and commit"
            + " the file");
  }
}
