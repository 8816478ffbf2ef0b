package io.plumbline.command.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * What each document is, by its version and kind: an SLO to read, an SLI or AlertPolicy to use if
 * an SLO refers to it, something ignored (with the reason) or refused (with the field and line).
 */
final class DocumentClassifier {

  static final String V1 = "openslo/v1";
  static final String V1ALPHA = "openslo/v1alpha";
  static final String V2ALPHA = "openslo/v2alpha";

  /** Kinds of {@code openslo/v1} that are valid and that Plumbline has no use for. */
  private static final Set<String> UNUSED_V1_KINDS =
      Set.of("Service", "DataSource", "AlertCondition", "AlertNotificationTarget");

  private DocumentClassifier() {}

  static Document classify(Located object) {
    JsonNode node = object.node;
    int line = object.line("");
    if (!node.isObject()) {
      return Document.unread(
          object.file,
          object.document,
          object.item,
          line,
          "Expected an object with apiVersion, kind, metadata and spec, found a "
              + Wording.describe(node)
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
}
