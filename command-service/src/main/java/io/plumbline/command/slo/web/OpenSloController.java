package io.plumbline.command.slo.web;

import io.plumbline.command.security.Caller;
import io.plumbline.service.openapi.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
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
// every body the endpoint takes is refused alike: springdoc merges the three into one operation
@Refusal(status = 400, reasons = "invalid-field")
@Refusal(status = 403, reasons = "wrong-team")
@Refusal(
    status = 404,
    reasons = {"unknown-team", "unknown-service"})
@Refusal(
    status = 409,
    reasons = {"team-retired", "service-retired", "event-id-reused"})
@Refusal(
    status = 422,
    reasons = {"invalid-openslo", "no-slos", "objective-out-of-range", "window-out-of-range"})
@Refusal(
    status = 503,
    reasons = {"event-store-unavailable", "write-conflict"})
@RestController
class OpenSloController {

  private final SloReconciliation reconciliation;
  private final SubmittedFiles submittedFiles;

  OpenSloController(SloReconciliation reconciliation, SubmittedFiles submittedFiles) {
    this.reconciliation = reconciliation;
    this.submittedFiles = submittedFiles;
  }

  @PostMapping(
      value = "/api/v1/teams/{teamId}/openslo",
      consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
  Map<String, Object> reconcileYaml(
      @PathVariable String teamId,
      @RequestBody String yaml,
      @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication authentication) {
    return reconciliation.reconcile(
        teamId, SubmittedFiles.ofYaml(yaml), dryRun, Caller.of(authentication));
  }

  @PostMapping(
      value = "/api/v1/teams/{teamId}/openslo",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> reconcileJson(
      @PathVariable String teamId,
      @RequestBody byte[] body,
      @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication authentication) {
    return reconciliation.reconcile(
        teamId, submittedFiles.ofJson(body), dryRun, Caller.of(authentication));
  }

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
    return reconciliation.reconcile(
        teamId, SubmittedFiles.ofParts(request.getParts()), dryRun, Caller.of(authentication));
  }
}
