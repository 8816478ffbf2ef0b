package io.plumbline.command.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps ingest within bounds before a body is read: a request size limit (single events and batches
 * differ) and a per-token rate limit answered with 429 and {@code Retry-After}.
 */
@Component
class IngestLimits implements HandlerInterceptor {

  private final ObjectMapper json;
  private final SubmissionMetrics metrics;
  private final long maxEventBytes;
  private final long maxBatchBytes;
  private final int requestsPerMinute;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  IngestLimits(
      ObjectMapper json,
      SubmissionMetrics metrics,
      @Value("${plumbline.ingest.max-event-bytes:65536}") long maxEventBytes,
      @Value("${plumbline.ingest.max-batch-bytes:8388608}") long maxBatchBytes,
      @Value("${plumbline.ingest.requests-per-minute-per-token:1200}") int requestsPerMinute) {
    this.json = json;
    this.metrics = metrics;
    this.maxEventBytes = maxEventBytes;
    this.maxBatchBytes = maxBatchBytes;
    this.requestsPerMinute = requestsPerMinute;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    long limit = request.getRequestURI().endsWith("/batch") ? maxBatchBytes : maxEventBytes;
    long length = request.getContentLengthLong();
    if (length < 0) {
      return refuse(
          response,
          HttpStatus.LENGTH_REQUIRED,
          "length-required",
          "Send the body with a Content-Length header.",
          null);
    }
    if (length > limit) {
      return refuse(
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "payload-too-large",
          "The body has %d bytes; at most %d are accepted here.".formatted(length, limit),
          null);
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null) {
      return true;
    }
    ConsumptionProbe probe =
        buckets.get(caller.getName(), id -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      return refuse(
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "rate-limited",
          "This token may send %d requests a minute; retry in %d s."
              .formatted(requestsPerMinute, seconds),
          String.valueOf(seconds));
    }
    return true;
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(requestsPerMinute)
                .refillGreedy(requestsPerMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }

  private boolean refuse(
      HttpServletResponse response,
      HttpStatus status,
      String reason,
      String detail,
      String retryAfter)
      throws IOException {
    metrics.rejected(SubmissionMetrics.UNKNOWN, reason);
    ProblemDetail problem = ProblemAdvice.problem(status, reason, detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (retryAfter != null) {
      response.setHeader("Retry-After", retryAfter);
    }
    json.writeValue(response.getOutputStream(), problem);
    return false;
  }
}
