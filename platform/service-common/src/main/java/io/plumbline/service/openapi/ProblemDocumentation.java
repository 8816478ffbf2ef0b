package io.plumbline.service.openapi;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the refusals of every operation as problem+json responses: those the endpoint declares
 * with {@link Refusal}, and those the framework gives everywhere — 401 and 403 where a token is
 * needed, 400 where a parameter or a body is read, 415 for a body of the wrong media type.
 */
public class ProblemDocumentation implements GlobalOperationCustomizer {

  static final String PROBLEM_JSON = "application/problem+json";

  /** RFC 9457 problem details, with Plumbline's reason code and the offending field. */
  private static Schema<?> problemSchema() {
    Schema<?> error =
        new ObjectSchema()
            .addProperty("field", new StringSchema())
            .addProperty("message", new StringSchema());
    return new ObjectSchema()
        .description(
            "RFC 9457 problem details. `type` is urn:plumbline:problem:<reason>; `reason` is"
                + " stable and machine-readable; `detail` is a sentence for humans.")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri-reference"))
        .addProperty("reason", new StringSchema())
        .addProperty("field", new StringSchema())
        .addProperty("errors", new ArraySchema().items(error))
        .required(List.of("type", "title", "status", "reason"))
        // RFC 9457 extension members: some refusals say more (an OpenSLO refusal its documents)
        .additionalProperties(true);
  }

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    Map<Integer, Set<String>> refusals = new TreeMap<>();
    if (secured(handler)) {
      add(refusals, 401, "unauthenticated");
      add(refusals, 403, "insufficient-scope");
    }
    if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
      // a parameter missing or not of its type, refused by the framework
      add(refusals, 400, "bad-request");
    }
    if (operation.getRequestBody() != null) {
      add(refusals, 400, "malformed-json");
      add(refusals, 415, "unsupported-media-type");
    }
    List<Refusal> declared = new ArrayList<>();
    declared.addAll(
        AnnotatedElementUtils.findMergedRepeatableAnnotations(
            handler.getBeanType(), Refusal.class));
    declared.addAll(
        AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), Refusal.class));
    for (Refusal refusal : declared) {
      for (String reason : refusal.reasons()) {
        add(refusals, refusal.status(), reason);
      }
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    refusals.forEach(
        (status, reasons) ->
            responses.addApiResponse(
                String.valueOf(status),
                new ApiResponse()
                    .description(
                        HttpStatus.valueOf(status).getReasonPhrase()
                            + ": "
                            + reasons.stream()
                                .map(r -> "`" + r + "`")
                                .collect(Collectors.joining(", ")))
                    .content(
                        new Content()
                            .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(problemWithReasons(reasons))))));
    operation.setResponses(sorted(responses));
    return operation;
  }

  /**
   * The problem schema with its reason narrowed to these, inline: the tests' responses are checked
   * against it, so a reason the code gives and the document does not name fails them.
   */
  private static Schema<?> problemWithReasons(Set<String> reasons) {
    Schema<String> reason = new StringSchema();
    reasons.forEach(reason::addEnumItemObject);
    Schema<?> problem = problemSchema();
    problem.getProperties().put("reason", reason);
    return problem;
  }

  private static boolean secured(HandlerMethod handler) {
    SecurityRequirements open =
        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), SecurityRequirements.class);
    return open == null || open.value().length > 0;
  }

  private static void add(Map<Integer, Set<String>> refusals, int status, String reason) {
    refusals.computeIfAbsent(status, s -> new LinkedHashSet<>()).add(reason);
  }

  private static ApiResponses sorted(ApiResponses responses) {
    ApiResponses ordered = new ApiResponses();
    new TreeMap<>(responses).forEach(ordered::addApiResponse);
    return ordered;
  }
}
