package io.plumbline.command.slo.openslo;

import io.plumbline.command.slo.SloSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private OpenSloDocuments() {}

  /** Reads the YAML of one nameless body (the API's raw YAML form). */
  public static Reading read(String yaml) {
    return read(List.of(new SourceFile("(request body)", yaml)));
  }

  /** Reads every document of the files; the outcomes are listed file by file, as given. */
  public static Reading read(List<SourceFile> files) {
    List<Located> objects = new ArrayList<>();
    List<Document> early = new ArrayList<>();
    for (SourceFile file : files) {
      YamlDocuments.parse(file, objects, early);
    }
    Map<String, Located> slis = new HashMap<>();
    Map<String, Located> alertPolicies = new HashMap<>();
    List<Document> documents = new ArrayList<>(early);
    List<Located> slos = new ArrayList<>();
    for (Located object : objects) {
      Document doc = DocumentClassifier.classify(object);
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
            DocumentClassifier.V1.equals(slo.doc.apiVersion())
                ? V1Slos.read(slo, slis, alertPolicies, referenced)
                : V1alphaSlos.read(slo);
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
        Comparator.comparingInt((Document d) -> files.indexOf(fileNamed(files, d.file())))
            .thenComparingInt(Document::document)
            .thenComparingInt(d -> d.item() == null ? 0 : d.item()));
    return new Reading(List.copyOf(documents), specs, sources);
  }

  private static SourceFile fileNamed(List<SourceFile> files, String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }
}
