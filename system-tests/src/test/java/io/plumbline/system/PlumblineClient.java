package io.plumbline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.local.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a CI pipeline and a dashboard do: post events, read maturity, scrape metrics. */
final class PlumblineClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String commandUrl;
  private final String queryUrl;
  private final String token;

  PlumblineClient(LocalStack stack) {
    this(stack, stack.adminToken());
  }

  /** A client that sends the given token (a team, reader or admin token). */
  PlumblineClient(LocalStack stack, String token) {
    this(stack.commandUrl(), stack.queryUrl(), token);
  }

  /** A client of a stack that runs elsewhere (the start command in a process of its own). */
  PlumblineClient(String commandUrl, String queryUrl, String token) {
    this.commandUrl = commandUrl;
    this.queryUrl = queryUrl;
    this.token = token;
  }

  record Answer(int status, String contentType, JsonNode body) {}

  Answer submit(String eventJson) {
    return send(
        HttpRequest.newBuilder(URI.create(commandUrl + "/api/v1/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(eventJson))
            .build());
  }

  /** A GET on the query service. */
  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(queryUrl + path)).GET().build());
  }

  /** A POST with a JSON body on the command service (token administration). */
  Answer postCommand(String path, String jsonBody) {
    return send(
        HttpRequest.newBuilder(URI.create(commandUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
            .build());
  }

  /** A GET on the query service of something other than JSON (CSV, HTML), as text. */
  String getText(String path) {
    return text(queryUrl + path);
  }

  /** A PUT with a JSON body on the query service (campaigns). */
  Answer putQuery(String path, String jsonBody) {
    return send(
        HttpRequest.newBuilder(URI.create(queryUrl + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(jsonBody))
            .build());
  }

  /** A request with a YAML body on the query service (the rubric admin endpoints). */
  Answer send(String method, String path, String yaml) {
    return send(
        HttpRequest.newBuilder(URI.create(queryUrl + path))
            .header("Content-Type", "application/yaml")
            .method(method, HttpRequest.BodyPublishers.ofString(yaml))
            .build());
  }

  Answer submitBatch(String batchJson) {
    return send(
        HttpRequest.newBuilder(URI.create(commandUrl + "/api/v1/events/batch"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(batchJson))
            .build());
  }

  Answer maturity(String teamId) {
    return send(
        HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1/teams/" + teamId + "/maturity"))
            .GET()
            .build());
  }

  /** The value of one series of the query service's Prometheus page, or 0 when absent. */
  double queryMetric(String series) {
    String page = text(queryUrl + "/actuator/prometheus");
    Matcher m =
        Pattern.compile("^" + Pattern.quote(series) + "\\{[^}]*} (\\S+)$", Pattern.MULTILINE)
            .matcher(page);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }

  private String text(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer send(HttpRequest request) {
    HttpRequest authorized =
        HttpRequest.newBuilder(request, (name, value) -> true)
            .header("Authorization", "Bearer " + token)
            .build();
    try {
      HttpResponse<String> response = http.send(authorized, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
