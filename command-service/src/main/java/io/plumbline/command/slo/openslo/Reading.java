package io.plumbline.command.slo.openslo;

import io.plumbline.command.slo.SloSpec;
import java.util.List;
import java.util.Map;

/** Every document's outcome, and the SLOs read, each with the document that described it. */
public record Reading(
    List<Document> documents, Map<String, SloSpec> slos, Map<String, Document> sources) {

  public boolean anyRefused() {
    return documents.stream().anyMatch(d -> d.outcome() == Outcome.REFUSED);
  }
}
