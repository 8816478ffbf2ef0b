package io.plumbline.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Checks every response the service gives against its checked-in OpenAPI document (status, media
 * type, body schema) with Atlassian's swagger-request-validator, and keeps what the document does
 * not describe for {@link DocumentedResponsesExtension} to fail the test class with. Requests for
 * routes or methods the document has no operation for are not checked: they are not part of the API
 * (and are answered 404 or 405).
 */
public final class DocumentedResponses extends OncePerRequestFilter {

  /** What a validator says when the request matches no documented operation. */
  private static final Set<String> NOT_AN_OPERATION =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private static final Queue<String> UNDOCUMENTED = new ConcurrentLinkedQueue<>();

  private final Path document;
  private final OpenApiInteractionValidator validator;

  DocumentedResponses(Path document) throws IOException {
    this.document = document;
    this.validator =
        Boolean.getBoolean("plumbline.openapi.update")
            ? null
            : OpenApiInteractionValidator.createForInlineApiSpecification(
                    Files.readString(document))
                // a problem response is the Problem schema with its reasons: allOf, merged
                .withResolveCombinators(true)
                .build();
  }

  /** The responses given since the last call that the document does not describe. */
  static List<String> drain() {
    List<String> found = new ArrayList<>();
    for (String one; (one = UNDOCUMENTED.poll()) != null; ) {
      found.add(one);
    }
    return found;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, recorded);
    } finally {
      check(request, recorded);
      recorded.copyBodyToResponse();
    }
  }

  private static String describe(ValidationReport.Message message) {
    StringBuilder text =
        new StringBuilder(message.getKey()).append(": ").append(message.getMessage());
    message.getAdditionalInfo().forEach(info -> text.append(" (").append(info).append(')'));
    message
        .getNestedMessages()
        .forEach(nested -> text.append(" [").append(describe(nested)).append(']'));
    return text.toString();
  }

  private void check(HttpServletRequest request, ContentCachingResponseWrapper response) {
    Request.Method method;
    try {
      method = Request.Method.valueOf(request.getMethod());
    } catch (IllegalArgumentException notHttp) {
      return;
    }
    SimpleResponse.Builder answer =
        SimpleResponse.Builder.status(response.getStatus())
            .withBody(response.getContentAsByteArray());
    if (response.getContentType() != null) {
      answer.withContentType(response.getContentType());
    }
    for (String name : response.getHeaderNames()) {
      answer.withHeader(name, List.copyOf(response.getHeaders(name)));
    }
    ValidationReport report =
        validator.validateResponse(request.getRequestURI(), method, answer.build());
    if (report.getMessages().stream().anyMatch(m -> NOT_AN_OPERATION.contains(m.getKey()))) {
      return;
    }
    List<ValidationReport.Message> errors =
        report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .toList();
    if (!errors.isEmpty()) {
      UNDOCUMENTED.add(
          "%s %s answered %d %s, which %s does not describe: %s"
              .formatted(
                  method,
                  request.getRequestURI(),
                  response.getStatus(),
                  response.getContentType(),
                  document.getFileName(),
                  errors.stream()
                      .map(DocumentedResponses::describe)
                      .collect(Collectors.joining("; "))));
    }
  }
}
