package io.plumbline.command.slo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumbline.events.Ids;
import io.plumbline.events.slo.SliKind;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads OpenSLO files as teams write them: {@code openslo/v1} (and {@code openslo/v1alpha} where it
 * maps) in any layout the spec allows — one document per file, {@code ---}-separated documents, a
 * top-level list of objects, kinds mixed. Every document gets an outcome: read (an SLO), used (an
 * SLI or AlertPolicy an SLO refers to), ignored with the reason (a kind Plumbline has no use for,
 * or a document that is not OpenSLO), or refused with the file, the document, the line and what was
 * expected. Nothing is skipped in silence.
 *
 * <p>What OpenSLO does not say, annotations do: {@code plumbline.io/sli-kind} (default
 * AVAILABILITY) and {@code plumbline.io/error-budget-policy: "true"}; an SLO with any alert policy
 * (inline or by {@code alertPolicyRef}) has burn-rate alerts.
 */
public final class OpenSloDocuments {

  public static final String SLI_KIND = "plumbline.io/sli-kind";
  public static final String ERROR_BUDGET_POLICY = "plumbline.io/error-budget-policy";

  static final String V1 = "openslo/v1";
  static final String V1ALPHA = "openslo/v1alpha";
  static final String V2ALPHA = "openslo/v2alpha";

  /** Kinds of {@code openslo/v1} that are valid and that Plumbline has no use for. */
  private static final Set<String> UNUSED_V1_KINDS =
      Set.of("Service", "DataSource", "AlertCondition", "AlertNotificationTarget");

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final Pattern ID = Pattern.compile(Ids.PATTERN);
  private static final Pattern DURATION = Pattern.compile(SloWindow.DURATION);

  /** v1alpha's {@code timeWindows[].unit}, as v1's duration shorthand. */
  private static final Map<String, String> V1ALPHA_UNITS =
      Map.of(
          "Minute", "m", "Hour", "h", "Day", "d", "Week", "w", "Month", "M", "Quarter", "Q", "Year",
          "Y");

  private OpenSloDocuments() {}

  /** A file as submitted: its name (a path in the team's repository) and its text. */
  public record SourceFile(String name, String content) {}

  /** What became of one document (or one item of a top-level list). */
  public enum Outcome {
    /** An SLO, read. */
    READ,
    /** An SLI or AlertPolicy, used by the SLOs that refer to it. */
    USED,
    /** Valid, or not OpenSLO, and of no use to Plumbline: the detail says which. */
    IGNORED,
    /** Could not be read: the detail says why, the field and line where. */
    REFUSED
  }

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
      return new Document(
          file, document, item, line, apiVersion, kind, name, newOutcome, field, why);
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
  }

  /** Every document's outcome, and the SLOs read, each with the document that described it. */
  public record Reading(
      List<Document> documents, Map<String, SloSpec> slos, Map<String, Document> sources) {

    public boolean anyRefused() {
      return documents.stream().anyMatch(d -> d.outcome() == Outcome.REFUSED);
    }
  }

  /** Reads the YAML of one nameless body (the API's raw YAML form). */
  public static Reading read(String yaml) {
    return read(List.of(new SourceFile("(request body)", yaml)));
  }

  public static Reading read(List<SourceFile> files) {
    List<Located> objects = new ArrayList<>();
    List<Document> early = new ArrayList<>();
    for (SourceFile file : files) {
      parseFile(file, objects, early);
    }
    Map<String, Located> slis = new HashMap<>();
    Map<String, Located> alertPolicies = new HashMap<>();
    List<Document> documents = new ArrayList<>(early);
    List<Located> slos = new ArrayList<>();
    for (Located object : objects) {
      Document doc = classify(object);
      object.doc = doc;
      if (doc.outcome() == Outcome.READ) {
        slos.add(object);
      } else if (doc.outcome() == Outcome.USED && "SLI".equals(doc.kind())) {
        slis.putIfAbsent(doc.name(), object);
      } else if (doc.outcome() == Outcome.USED) {
        alertPolicies.putIfAbsent(doc.name(), object);
      }
    }
    Map<String, SloSpec> specs = new LinkedHashMap<>();
    Map<String, Document> sources = new LinkedHashMap<>();
    Set<Located> referenced = new HashSet<>();
    for (Located slo : slos) {
      try {
        SloSpec spec =
            V1.equals(slo.doc.apiVersion())
                ? v1Slo(slo, slis, alertPolicies, referenced)
                : v1alphaSlo(slo);
        Document earlier = sources.get(spec.sloId());
        if (earlier != null) {
          throw slo.refusal(
              "/metadata/name",
              "SLO '%s' is also described in %s.".formatted(spec.sloId(), earlier.where()));
        }
        specs.put(spec.sloId(), spec);
        sources.put(spec.sloId(), slo.doc);
      } catch (Refused refused) {
        slo.doc = refused.document;
      }
    }
    for (Located object : objects) {
      if (object.doc.outcome() == Outcome.USED && !referenced.contains(object)) {
        object.doc =
            object.doc.with(
                Outcome.IGNORED,
                "%s '%s' is referred to by no SLO in the submitted files."
                    .formatted(object.doc.kind(), object.doc.name()));
      }
      documents.add(object.doc);
    }
    documents.sort(
        java.util.Comparator.comparingInt((Document d) -> files.indexOf(fileNamed(files, d.file())))
            .thenComparingInt(Document::document)
            .thenComparingInt(d -> d.item() == null ? 0 : d.item()));
    return new Reading(List.copyOf(documents), specs, sources);
  }

  private static SourceFile fileNamed(List<SourceFile> files, String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  // --- reading YAML with the line of every value ---

  /** One object of a file with the line where each of its values starts. */
  private static final class Located {
    final String file;
    final int document;
    final Integer item;
    final JsonNode node;
    final Map<String, Integer> lines;
    Document doc;

    Located(String file, int document, Integer item, JsonNode node, Map<String, Integer> lines) {
      this.file = file;
      this.document = document;
      this.item = item;
      this.node = node;
      this.lines = lines;
    }

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

    Refused refusal(String pointer, String why) {
      return new Refused(doc.refused(field(pointer), line(pointer), why));
    }
  }

  /** A document refused, carrying its outcome. */
  private static final class Refused extends RuntimeException {
    final transient Document document;

    Refused(Document document) {
      super(document.detail(), null, false, false);
      this.document = document;
    }
  }

  private static void parseFile(SourceFile file, List<Located> objects, List<Document> documents) {
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
            documents.add(ignored(file.name(), document, line, "an empty list: nothing to read"));
          }
        } else if (root.isNull() || (root.isTextual() && root.asText().isEmpty())) {
          documents.add(ignored(file.name(), document, line, "an empty document"));
        } else {
          objects.add(new Located(file.name(), document, null, root, lines));
        }
      }
      if (document == 0) {
        documents.add(ignored(file.name(), 1, 1, "an empty file"));
      }
    } catch (IOException e) {
      JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
      String problem =
          e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      documents.add(
          unread(
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

  /** A document refused before anything of it (version, kind, name) could be read. */
  private static Document unread(String file, int document, Integer item, int line, String why) {
    return new Document(file, document, item, line, null, null, null, Outcome.REFUSED, null, why);
  }

  private static Document ignored(String file, int document, int line, String why) {
    return new Document(file, document, null, line, null, null, null, Outcome.IGNORED, null, why);
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

  // --- what each document is ---

  private static Document classify(Located object) {
    JsonNode node = object.node;
    int line = object.line("");
    if (!node.isObject()) {
      return unread(
          object.file,
          object.document,
          object.item,
          line,
          "Expected an object with apiVersion, kind, metadata and spec, found a "
              + describe(node)
              + ".");
    }
    String apiVersion =
        node.path("apiVersion").isTextual() ? node.get("apiVersion").asText() : null;
    String kind = node.path("kind").isTextual() ? node.get("kind").asText() : null;
    String name = node.at("/metadata/name").isTextual() ? node.at("/metadata/name").asText() : null;
    Document doc =
        new Document(
            object.file,
            object.document,
            object.item,
            line,
            apiVersion,
            kind,
            name,
            Outcome.READ,
            null,
            null);
    object.doc = doc;
    if (apiVersion == null || !apiVersion.toLowerCase(Locale.ROOT).startsWith("openslo/")) {
      if ("SLO".equals(kind)) {
        return object.refusal(
                "/apiVersion",
                apiVersion == null
                    ? "A kind: SLO document needs apiVersion: openslo/v1."
                    : "apiVersion '%s' is not OpenSLO; Plumbline reads openslo/v1 and openslo/v1alpha."
                        .formatted(apiVersion))
            .document;
      }
      return doc.with(
          Outcome.IGNORED,
          apiVersion == null
              ? "Not an OpenSLO document (no apiVersion)."
              : "Not an OpenSLO document (apiVersion '%s').".formatted(apiVersion));
    }
    if (V2ALPHA.equals(apiVersion)) {
      return object.refusal(
              "/apiVersion",
              "openslo/v2alpha is a draft of the next OpenSLO version, which Plumbline does not"
                  + " read yet; write this document as openslo/v1.")
          .document;
    }
    if (!V1.equals(apiVersion) && !V1ALPHA.equals(apiVersion)) {
      return object.refusal(
              "/apiVersion",
              "Unknown OpenSLO version '%s': Plumbline reads openslo/v1 and openslo/v1alpha (versions are case-sensitive)."
                  .formatted(apiVersion))
          .document;
    }
    if (kind == null) {
      return object.refusal("/kind", "An OpenSLO document needs a kind.").document;
    }
    boolean v1 = V1.equals(apiVersion);
    if ("SLO".equals(kind)) {
      return doc;
    }
    if (v1 && ("SLI".equals(kind) || "AlertPolicy".equals(kind))) {
      if (name == null || name.isBlank()) {
        return object.refusal("/metadata/name", "A %s needs metadata.name.".formatted(kind))
            .document;
      }
      return doc.with(Outcome.USED, null);
    }
    if (v1 ? UNUSED_V1_KINDS.contains(kind) : "Service".equals(kind)) {
      return doc.with(
          Outcome.IGNORED,
          "kind %s is valid OpenSLO that Plumbline has no use for.".formatted(kind));
    }
    return object.refusal(
            "/kind",
            "Unknown kind '%s' for %s; expected one of %s."
                .formatted(
                    kind,
                    apiVersion,
                    v1
                        ? "SLO, SLI, AlertPolicy, Service, DataSource, AlertCondition, AlertNotificationTarget"
                        : "SLO, Service"))
        .document;
  }

  private static String describe(JsonNode node) {
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

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  // --- openslo/v1 SLOs ---

  private static SloSpec v1Slo(
      Located slo,
      Map<String, Located> slis,
      Map<String, Located> alertPolicies,
      Set<Located> referenced) {
    String sloId = id(slo, "/metadata/name");
    String service = id(slo, "/spec/service");
    JsonNode spec = slo.node.path("spec");
    List<SloObjective> objectives = objectives(slo, "/spec/objectives");
    boolean composite = false;
    JsonNode objectiveNodes = spec.path("objectives");
    for (int i = 0; i < objectiveNodes.size(); i++) {
      JsonNode objective = objectiveNodes.get(i);
      if (objective.has("indicator") || objective.has("indicatorRef")) {
        composite = true;
        indicator(slo, "/spec/objectives/" + i, slis, referenced);
      }
    }
    if (!composite || spec.has("indicator") || spec.has("indicatorRef")) {
      indicator(slo, "/spec", slis, referenced);
    }
    SloWindow window = v1Window(slo);
    boolean alerts = alertPolicies(slo, alertPolicies, referenced);
    return new SloSpec(
        sloId, service, sliKind(slo), objectives, window, errorBudgetPolicy(slo), alerts);
  }

  private static void indicator(
      Located slo, String at, Map<String, Located> slis, Set<Located> referenced) {
    JsonNode parent = slo.node.at(at);
    boolean inline = parent.has("indicator");
    boolean byRef = parent.has("indicatorRef");
    if (inline && byRef) {
      throw slo.refusal(at + "/indicatorRef", "Give indicator or indicatorRef, not both.");
    }
    if (!inline && !byRef) {
      throw slo.refusal(
          at,
          "An SLO needs an indicator (an inline SLI) or an indicatorRef (the name of an SLI"
              + " document), in spec or, for a composite SLO, in every objective.");
    }
    if (inline) {
      JsonNode sli = parent.get("indicator");
      if (!sli.isObject() || !sli.has("spec")) {
        throw slo.refusal(
            at + "/indicator", "indicator must be an SLI object with metadata and spec.");
      }
      return;
    }
    JsonNode ref = parent.get("indicatorRef");
    if (!ref.isTextual()) {
      throw slo.refusal(at + "/indicatorRef", "indicatorRef must be the name of an SLI, as text.");
    }
    Located sli = slis.get(ref.asText());
    if (sli == null) {
      throw slo.refusal(
          at + "/indicatorRef",
          "indicatorRef '%s' names no SLI in the submitted files; submit the file that defines it."
              .formatted(ref.asText()));
    }
    referenced.add(sli);
  }

  private static boolean alertPolicies(
      Located slo, Map<String, Located> alertPolicies, Set<Located> referenced) {
    JsonNode policies = slo.node.at("/spec/alertPolicies");
    if (policies.isMissingNode() || policies.isNull()) {
      return false;
    }
    if (!policies.isArray()) {
      throw slo.refusal("/spec/alertPolicies", "alertPolicies must be a list.");
    }
    for (int i = 0; i < policies.size(); i++) {
      JsonNode policy = policies.get(i);
      String at = "/spec/alertPolicies/" + i;
      if (policy.has("alertPolicyRef")) {
        String ref = policy.get("alertPolicyRef").asText();
        Located found = alertPolicies.get(ref);
        if (found == null) {
          throw slo.refusal(
              at + "/alertPolicyRef",
              "alertPolicyRef '%s' names no AlertPolicy in the submitted files; submit the file that defines it."
                  .formatted(ref));
        }
        referenced.add(found);
      } else if (!policy.isObject() || !policy.has("spec")) {
        throw slo.refusal(
            at,
            policy.isTextual()
                ? "An alert policy is an inline AlertPolicy or '- alertPolicyRef: %s', not a bare name."
                    .formatted(policy.asText())
                : "An alert policy is an inline AlertPolicy (with spec) or an alertPolicyRef.");
      }
    }
    return !policies.isEmpty();
  }

  /**
   * The one window of a {@code timeWindow} (v1) or {@code timeWindows} (v1alpha) list, or null when
   * there is none; two windows are refused rather than the first taken.
   */
  private static JsonNode onlyWindow(Located slo, String field) {
    JsonNode windows = slo.node.at("/spec/" + field);
    if (windows.isMissingNode() || windows.isNull()) {
      return null;
    }
    if (!windows.isArray() || windows.size() != 1) {
      throw slo.refusal(
          "/spec/" + field,
          field
              + " is a list of exactly one window, found "
              + (windows.isArray() ? windows.size() + " windows" : "a " + describe(windows))
              + ".");
    }
    return windows.get(0);
  }

  private static SloWindow v1Window(Located slo) {
    JsonNode window = onlyWindow(slo, "timeWindow");
    if (window == null) {
      return null;
    }
    String at = "/spec/timeWindow/0";
    JsonNode duration = window.path("duration");
    if (!duration.isTextual() || !DURATION.matcher(duration.asText()).matches()) {
      throw slo.refusal(
          at + "/duration",
          "duration must be OpenSLO's shorthand, a positive number followed by m, h, d, w, M, Q or Y (e.g. 28d, 1M, 1Q), not "
              + (duration.isMissingNode() ? "missing" : "'" + duration.asText() + "'")
              + ".");
    }
    JsonNode calendar = window.path("calendar");
    JsonNode rolling = window.path("isRolling");
    if (!rolling.isMissingNode() && !rolling.isBoolean()) {
      throw slo.refusal(at + "/isRolling", "isRolling must be true or false.");
    }
    boolean hasCalendar = calendar.isObject();
    if (rolling.asBoolean(false) && hasCalendar) {
      throw slo.refusal(at + "/calendar", "A rolling window (isRolling: true) has no calendar.");
    }
    boolean calendarAligned = hasCalendar || (!rolling.isMissingNode() && !rolling.asBoolean());
    String timeZone = hasCalendar ? timeZone(slo, at + "/calendar/timeZone") : null;
    return new SloWindow(duration.asText(), calendarAligned, timeZone);
  }

  private static String timeZone(Located slo, String at) {
    JsonNode zone = slo.node.at(at);
    if (zone.isMissingNode() || zone.isNull()) {
      return null;
    }
    try {
      ZoneId.of(zone.asText());
      return zone.asText();
    } catch (DateTimeException e) {
      throw slo.refusal(
          at, "'%s' is not an IANA time zone name (e.g. Europe/Berlin).".formatted(zone.asText()));
    }
  }

  // --- openslo/v1alpha SLOs ---

  private static SloSpec v1alphaSlo(Located slo) {
    String sloId = id(slo, "/metadata/name");
    String service = id(slo, "/spec/service");
    List<SloObjective> objectives = objectives(slo, "/spec/objectives");
    return new SloSpec(
        sloId,
        service,
        sliKind(slo),
        objectives,
        v1alphaWindow(slo),
        errorBudgetPolicy(slo),
        false);
  }

  private static SloWindow v1alphaWindow(Located slo) {
    JsonNode window = onlyWindow(slo, "timeWindows");
    if (window == null) {
      return null;
    }
    String at = "/spec/timeWindows/0";
    String unit = V1ALPHA_UNITS.get(window.path("unit").asText());
    JsonNode count = window.path("count");
    if (unit == null) {
      throw slo.refusal(
          at + "/unit",
          "unit must be one of Minute, Hour, Day, Week, Month, Quarter, Year, not '%s'."
              .formatted(window.path("unit").asText()));
    }
    if (!count.isIntegralNumber() || count.asLong() < 1 || count.asLong() > 999_999) {
      throw slo.refusal(at + "/count", "count must be a positive whole number.");
    }
    boolean calendarAligned =
        window.path("calendar").isObject() || !window.path("isRolling").asBoolean(true);
    String timeZone =
        window.path("calendar").isObject() ? timeZone(slo, at + "/calendar/timeZone") : null;
    return new SloWindow(count.asLong() + unit, calendarAligned, timeZone);
  }

  // --- what both versions share ---

  private static List<SloObjective> objectives(Located slo, String at) {
    JsonNode objectives = slo.node.at(at);
    if (!objectives.isArray() || objectives.isEmpty()) {
      throw slo.refusal(at, "An SLO needs objectives: a list of at least one target.");
    }
    List<SloObjective> read = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      read.add(objective(slo, at + "/" + i, objectives.get(i)));
    }
    return read;
  }

  private static SloObjective objective(Located slo, String at, JsonNode objective) {
    JsonNode target = objective.path("target");
    JsonNode percent = objective.path("targetPercent");
    String name =
        objective.path("displayName").isTextual() ? objective.get("displayName").asText() : null;
    if (name != null && name.length() > 200) {
      name = name.substring(0, 200);
    }
    if (name != null && !name.matches(io.plumbline.events.Names.PATTERN)) {
      throw slo.refusal(
          at + "/displayName", "displayName " + io.plumbline.events.Names.PATTERN_MESSAGE + ".");
    }
    if (!target.isMissingNode() && !percent.isMissingNode()) {
      throw slo.refusal(at + "/targetPercent", "Give target or targetPercent, not both.");
    }
    if (target.isMissingNode() && percent.isMissingNode()) {
      throw slo.refusal(
          at,
          "An objective needs a target (a fraction, e.g. 0.999) or a targetPercent (e.g. 99.9).");
    }
    boolean fraction = !target.isMissingNode();
    JsonNode value = fraction ? target : percent;
    String field = fraction ? "/target" : "/targetPercent";
    if (!value.isNumber()) {
      throw slo.refusal(
          at + field,
          "%s must be a number, e.g. %s, not %s."
              .formatted(
                  field.substring(1),
                  fraction ? "0.999" : "99.9",
                  value.isTextual()
                      ? "the text \"" + abbreviate(value.asText()) + "\""
                      : describe(value)));
    }
    BigDecimal number = value.decimalValue();
    if (fraction && (number.signum() <= 0 || number.compareTo(BigDecimal.ONE) >= 0)) {
      throw slo.refusal(
          at + field,
          number.compareTo(BigDecimal.ONE) >= 0 && number.compareTo(SloRules.HUNDRED) < 0
              ? "target is a fraction between 0 and 1 (0.999 is 99.9 %%), not %s; did you mean targetPercent: %s?"
                  .formatted(number.toPlainString(), number.toPlainString())
              : "target must lie strictly between 0 and 1, not %s."
                  .formatted(number.toPlainString()));
    }
    if (!fraction && (number.signum() <= 0 || number.compareTo(SloRules.HUNDRED) >= 0)) {
      throw slo.refusal(
          at + field,
          "targetPercent must lie strictly between 0 and 100, not %s."
              .formatted(number.toPlainString()));
    }
    return new SloObjective(name, fraction ? number.movePointRight(2) : number);
  }

  /** An id Plumbline can refer to from every endpoint: the one id rule. */
  private static String id(Located slo, String at) {
    JsonNode value = slo.node.at(at);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw slo.refusal(at, field(at) + " is required.");
    }
    String id = value.asText();
    if (!ID.matcher(id).matches()) {
      throw slo.refusal(
          at,
          "'%s' cannot be an id in Plumbline: ids %s (the same rule as everywhere in the API)."
              .formatted(abbreviate(id), Ids.PATTERN_MESSAGE));
    }
    return id;
  }

  private static SliKind sliKind(Located slo) {
    JsonNode kind = slo.node.at("/metadata/annotations").path(SLI_KIND);
    if (kind.isMissingNode()) {
      return SliKind.AVAILABILITY;
    }
    try {
      return SliKind.valueOf(kind.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw slo.refusal(
          "/metadata/annotations/" + SLI_KIND.replace("/", "~1"),
          "Unknown SLI kind '%s'; one of %s."
              .formatted(
                  kind.asText(),
                  Arrays.stream(SliKind.values())
                      .map(k -> k.name().toLowerCase(Locale.ROOT))
                      .toList()));
    }
  }

  private static boolean errorBudgetPolicy(Located slo) {
    return "true"
        .equalsIgnoreCase(slo.node.at("/metadata/annotations").path(ERROR_BUDGET_POLICY).asText());
  }

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
}
