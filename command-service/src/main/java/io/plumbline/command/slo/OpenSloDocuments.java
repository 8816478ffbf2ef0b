package io.plumbline.command.slo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.plumbline.events.slo.SliKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenSLO documents ({@code apiVersion: openslo/v1}, {@code kind: SLO}) into specs. Other
 * kinds in the same stream (Service, SLI, AlertPolicy …) are skipped. What OpenSLO does not say,
 * annotations do: {@code plumbline.io/sli-kind} (default AVAILABILITY) and {@code
 * plumbline.io/error-budget-policy: "true"}; burn-rate alerts are any {@code spec.alertPolicies}.
 */
public final class OpenSloDocuments {

  public static final String SLI_KIND = "plumbline.io/sli-kind";
  public static final String ERROR_BUDGET_POLICY = "plumbline.io/error-budget-policy";

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final ObjectMapper MAPPER = JsonMapper.builder(YAML).build();
  private static final Pattern DURATION = Pattern.compile("^(\\d+)([hdw])$");

  private OpenSloDocuments() {}

  /** A document that cannot be read as an SLO, with where and why. */
  public static final class InvalidDocumentException extends RuntimeException {
    private final int document;
    private final String field;

    InvalidDocumentException(int document, String field, String message) {
      super("Document %d: %s".formatted(document + 1, message));
      this.document = document;
      this.field = field;
    }

    public int document() {
      return document;
    }

    public String field() {
      return field;
    }
  }

  public static List<SloSpec> parse(String yaml) {
    List<SloSpec> specs = new ArrayList<>();
    try (YAMLParser parser = YAML.createParser(yaml)) {
      int index = 0;
      while (parser.nextToken() != null) {
        JsonNode doc = MAPPER.readTree(parser);
        if (doc != null
            && "openslo/v1".equals(doc.path("apiVersion").asText())
            && "SLO".equals(doc.path("kind").asText())) {
          specs.add(spec(doc, index));
        }
        index++;
      }
    } catch (IOException e) {
      throw new InvalidDocumentException(0, null, "not valid YAML: " + e.getMessage());
    }
    return specs;
  }

  private static SloSpec spec(JsonNode doc, int index) {
    String name = text(doc, "/metadata/name", index);
    String service = text(doc, "/spec/service", index);
    JsonNode annotations = doc.at("/metadata/annotations");
    SliKind kind;
    try {
      kind =
          SliKind.valueOf(
              annotations.path(SLI_KIND).asText("AVAILABILITY").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidDocumentException(
          index,
          "metadata.annotations." + SLI_KIND,
          "unknown SLI kind '%s'".formatted(annotations.path(SLI_KIND).asText()));
    }
    return new SloSpec(
        name,
        service,
        kind,
        objectivePercent(doc.at("/spec/objectives/0"), index),
        windowDays(doc.at("/spec/timeWindow/0/duration").asText(null), index),
        "true".equalsIgnoreCase(annotations.path(ERROR_BUDGET_POLICY).asText()),
        doc.at("/spec/alertPolicies").isArray() && !doc.at("/spec/alertPolicies").isEmpty());
  }

  private static String text(JsonNode doc, String pointer, int index) {
    JsonNode value = doc.at(pointer);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidDocumentException(
          index, pointer.substring(1).replace('/', '.'), pointer + " is required");
    }
    return value.asText();
  }

  private static BigDecimal objectivePercent(JsonNode objective, int index) {
    if (objective.path("targetPercent").isNumber()) {
      return objective.path("targetPercent").decimalValue();
    }
    if (objective.path("target").isNumber()) {
      return objective.path("target").decimalValue().movePointRight(2);
    }
    throw new InvalidDocumentException(
        index, "spec.objectives[0].target", "spec.objectives[0] needs a target or targetPercent");
  }

  private static int windowDays(String duration, int index) {
    Matcher m = DURATION.matcher(duration == null ? "" : duration);
    if (!m.matches()) {
      throw new InvalidDocumentException(
          index,
          "spec.timeWindow[0].duration",
          "the time window must be like 28d, 4w or 720h, not '%s'".formatted(duration));
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "w" -> (int) Math.min(Integer.MAX_VALUE, n * 7);
      case "h" -> {
        if (n % 24 != 0) {
          throw new InvalidDocumentException(
              index, "spec.timeWindow[0].duration", "a window in hours must be whole days");
        }
        yield (int) (n / 24);
      }
      default -> (int) Math.min(Integer.MAX_VALUE, n);
    };
  }
}
