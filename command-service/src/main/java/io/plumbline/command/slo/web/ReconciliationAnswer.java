package io.plumbline.command.slo.web;

import io.plumbline.command.slo.ReconcileSlos;
import io.plumbline.command.slo.openslo.Document;
import io.plumbline.command.slo.openslo.Outcome;
import io.plumbline.command.slo.openslo.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The answer to a reconciliation: what the plan does, every document's outcome, each refusal. */
final class ReconciliationAnswer {

  private ReconciliationAnswer() {}

  /** The answer to a plan that refused nothing, stored or (on a dry run) not. */
  static Map<String, Object> of(Reading reading, ReconcileSlos.Result result, boolean dryRun) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("stored", result.stored());
    answer.put("dryRun", dryRun);
    answer.put("defined", result.defined());
    answer.put("redefined", result.redefined());
    answer.put("retired", result.retired());
    answer.put("unchanged", result.unchanged());
    answer.put("documents", documents(reading, result));
    return answer;
  }

  /** Each SLO the plan refused, with the document that describes it. */
  static List<Map<String, Object>> refusals(Reading reading, ReconcileSlos.Result result) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ReconcileSlos.Refusal refusal : result.refused()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("sloId", refusal.sloId());
      entry.put("reason", refusal.reason().code());
      entry.put("field", refusal.field());
      entry.put("message", refusal.message());
      Document source = reading.sources().get(refusal.sloId());
      if (source != null) {
        entry.put("file", source.file());
        entry.put("document", source.document());
        entry.put("line", source.line());
      }
      list.add(entry);
    }
    return list;
  }

  /** Every document's outcome; an SLO's is what the plan does with it, once there is a plan. */
  static List<Map<String, Object>> documents(Reading reading, ReconcileSlos.Result result) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Document d : reading.documents()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", d.file());
      entry.put("document", d.document());
      if (d.item() != null) {
        entry.put("item", d.item());
      }
      entry.put("line", d.line());
      entry.put("apiVersion", d.apiVersion());
      entry.put("kind", d.kind());
      entry.put("name", d.name());
      entry.put("outcome", outcome(d, result));
      if (d.field() != null) {
        entry.put("field", d.field());
      }
      if (d.detail() != null) {
        entry.put("detail", d.detail());
      }
      list.add(entry);
    }
    return list;
  }

  private static String outcome(Document d, ReconcileSlos.Result result) {
    if (d.outcome() != Outcome.READ || result == null) {
      return d.outcome().name().toLowerCase(Locale.ROOT);
    }
    String slo = d.name();
    if (result.refused().stream().anyMatch(r -> r.sloId().equals(slo))) {
      return "refused";
    }
    if (result.defined().contains(slo)) {
      return "defined";
    }
    if (result.redefined().contains(slo)) {
      return "redefined";
    }
    return result.unchanged().contains(slo) ? "unchanged" : "read";
  }
}
