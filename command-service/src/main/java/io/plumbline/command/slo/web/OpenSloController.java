package io.plumbline.command.slo.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.security.Caller;
import io.plumbline.command.slo.ReconcileSlos;
import io.plumbline.command.slo.openslo.Document;
import io.plumbline.command.slo.openslo.OpenSloDocuments;
import io.plumbline.command.slo.openslo.Outcome;
import io.plumbline.command.slo.openslo.Reading;
import io.plumbline.command.slo.openslo.SourceFile;
import io.plumbline.service.openapi.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reconciles a team's SLOs with the OpenSLO files of its repository. The files come as a multipart
 * form (one part per file, its filename the path in the repository: what the CI client sends), as
 * JSON ({@code {"files":[{"name":…,"content":…}]}}) or as one raw YAML body. Nothing is stored
 * unless every document was read and every SLO could be defined or retired; the answer lists every
 * document's outcome either way.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "SLOs",
    description = "Reconcile a team's SLOs with the OpenSLO files in its repository")
@RestController
class OpenSloController {

  /** At most so many files in one reconciliation. */
  static final int MAX_FILES = 500;

  private final CommandGateway commands;
  private final Clock clock;
  private final ObjectMapper json;

  OpenSloController(CommandGateway commands, Clock clock, ObjectMapper json) {
    this.commands = commands;
    this.clock = clock;
    this.json = json;
  }

  @PostMapping(
      value = "/api/v1/teams/{teamId}/openslo",
      consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
  Map<String, Object> reconcileYaml(
      @PathVariable String teamId,
      @RequestBody String yaml,
      @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication authentication) {
    return reconcile(
        teamId, List.of(new SourceFile("(request body)", yaml)), dryRun, authentication);
  }

  @PostMapping(
      value = "/api/v1/teams/{teamId}/openslo",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> reconcileJson(
      @PathVariable String teamId,
      @RequestBody byte[] body,
      @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication authentication) {
    return reconcile(teamId, filesOf(body), dryRun, authentication);
  }

  @Refusal(status = 400, reasons = "invalid-field")
  @Refusal(status = 403, reasons = "wrong-team")
  @Refusal(status = 404, reasons = "unknown-team")
  @Refusal(
      status = 409,
      reasons = {"team-retired", "service-retired", "event-id-reused"})
  @Refusal(
      status = 422,
      reasons = {
        "invalid-openslo",
        "no-slos",
        "objective-out-of-range",
        "window-out-of-range",
        "unknown-service"
      })
  @Refusal(
      status = 503,
      reasons = {"event-store-unavailable", "write-conflict"})
  @io.swagger.v3.oas.annotations.Operation(
      summary = "Reconcile the team's SLOs with its OpenSLO files",
      description =
          "The files as a multipart form (one part per file, its filename the path in the"
              + " repository), as JSON {\"files\":[{\"name\":…,\"content\":…}]} or as one raw YAML"
              + " body. Nothing is stored unless every document was read and every SLO could be"
              + " defined or retired, and a submission that describes no SLO retires nothing;"
              + " the answer lists every document's outcome. dryRun=true answers the plan and"
              + " stores nothing.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = {
        @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema =
                @io.swagger.v3.oas.annotations.media.Schema(
                    type = "object",
                    description = "Any number of file parts, each with its filename")),
        @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema =
                @io.swagger.v3.oas.annotations.media.Schema(
                    type = "object",
                    example =
                        "{\"files\":[{\"name\":\"slos/checkout.yaml\",\"content\":\"apiVersion:"
                            + " openslo/v1\\nkind: SLO\\n…\"}]}")),
        @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/yaml",
            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))
      })
  @PostMapping(
      value = "/api/v1/teams/{teamId}/openslo",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Object> reconcileFiles(
      @PathVariable String teamId,
      HttpServletRequest request,
      @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication authentication)
      throws IOException, jakarta.servlet.ServletException {
    List<SourceFile> files = new ArrayList<>();
    for (Part part : request.getParts()) {
      if (part.getSubmittedFileName() == null) {
        continue;
      }
      files.add(
          new SourceFile(
              // curl and browsers send a quote or line break in a file name percent-encoded
              part.getSubmittedFileName()
                  .replace("%22", "\"")
                  .replace("%0A", "\n")
                  .replace("%0D", "\r"),
              new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
    }
    return reconcile(teamId, files, dryRun, authentication);
  }

  private List<SourceFile> filesOf(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw invalid(
          null, "The body is not valid JSON; send {\"files\":[{\"name\":…,\"content\":…}]}.");
    }
    if (root == null || !root.isObject() || !root.path("files").isArray() || root.size() != 1) {
      throw invalid("files", "Send {\"files\":[{\"name\":…,\"content\":…}]} and nothing else.");
    }
    List<SourceFile> files = new ArrayList<>();
    for (JsonNode file : root.get("files")) {
      if (!file.path("name").isTextual() || !file.path("content").isTextual() || file.size() != 2) {
        throw invalid(
            "files[%d]".formatted(files.size()),
            "Each file is {\"name\": text, \"content\": text} and nothing else.");
      }
      files.add(new SourceFile(file.get("name").asText(), file.get("content").asText()));
    }
    return files;
  }

  private Map<String, Object> reconcile(
      String teamId, List<SourceFile> files, boolean dryRun, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    if (!caller.isAdmin() && !teamId.equals(caller.teamId())) {
      throw new CommandRejectedException(
          Reason.WRONG_TEAM,
          "teamId",
          "This token manages the SLOs of team '%s' only.".formatted(caller.teamId()));
    }
    if (files.isEmpty()) {
      throw new CommandRejectedException(
          Reason.NO_SLOS,
          "files",
          "No file was sent; nothing was changed. Send the team's OpenSLO files.");
    }
    if (files.size() > MAX_FILES) {
      throw invalid(
          "files", "At most %d files at once, not %d.".formatted(MAX_FILES, files.size()));
    }
    // in the order of their names, so that a plan does not depend on how a directory was walked
    Reading reading =
        OpenSloDocuments.read(
            files.stream().sorted(java.util.Comparator.comparing(SourceFile::name)).toList());
    if (reading.anyRefused()) {
      List<Document> refused =
          reading.documents().stream().filter(d -> d.outcome() == Outcome.REFUSED).toList();
      throw new CommandRejectedException(
          Reason.INVALID_OPENSLO,
          refused.get(0).field(),
          "Nothing was changed: %d of %d documents could not be read. %s"
              .formatted(refused.size(), reading.documents().size(), summary(refused)),
          Map.of("documents", documents(reading, null)));
    }
    if (reading.slos().isEmpty()) {
      throw new CommandRejectedException(
          Reason.NO_SLOS,
          null,
          "The files describe no SLO, so reconciling them would retire every SLO they manage;"
              + " nothing was changed. To retire an SLO, submit an SloRetired event.",
          Map.of("documents", documents(reading, null)));
    }
    ReconcileSlos.Result result =
        commands.sendAndWait(
            new ReconcileSlos(
                "reconcile-" + UUID.randomUUID(),
                teamId,
                List.copyOf(reading.slos().values()),
                clock.instant(),
                dryRun));
    if (!result.refused().isEmpty()) {
      ReconcileSlos.Refusal first = result.refused().get(0);
      throw new CommandRejectedException(
          first.reason(),
          first.field(),
          "Nothing was changed: %s"
              .formatted(
                  result.refused().stream()
                      .map(r -> where(reading, r) + r.message())
                      .collect(Collectors.joining(" "))),
          Map.of("documents", documents(reading, result), "refused", refusals(reading, result)));
    }
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

  private static String where(Reading reading, ReconcileSlos.Refusal refusal) {
    Document source = reading.sources().get(refusal.sloId());
    return source == null ? "" : source.where() + ": ";
  }

  private static String summary(List<Document> refused) {
    String named =
        refused.stream()
            .limit(3)
            .map(d -> d.where() + ": " + d.detail())
            .collect(Collectors.joining(" "));
    return refused.size() > 3 ? named + " (and %d more)".formatted(refused.size() - 3) : named;
  }

  private static List<Map<String, Object>> refusals(Reading reading, ReconcileSlos.Result result) {
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
  private static List<Map<String, Object>> documents(Reading reading, ReconcileSlos.Result result) {
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
      return d.outcome().name().toLowerCase(java.util.Locale.ROOT);
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

  private static CommandRejectedException invalid(String field, String message) {
    return new CommandRejectedException(Reason.INVALID_OPENSLO, field, message);
  }
}
