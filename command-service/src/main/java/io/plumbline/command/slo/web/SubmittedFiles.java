package io.plumbline.command.slo.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.command.common.CommandRejectedException;
import io.plumbline.command.common.Reason;
import io.plumbline.command.slo.openslo.SourceFile;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The OpenSLO files of a request, as a raw YAML body, a JSON list or multipart parts send them. */
@Component
class SubmittedFiles {

  private final ObjectMapper json;

  SubmittedFiles(ObjectMapper json) {
    this.json = json;
  }

  /** One raw YAML body, as one file. */
  static List<SourceFile> ofYaml(String yaml) {
    return List.of(new SourceFile("(request body)", yaml));
  }

  /** A JSON body, {@code {"files":[{"name":…,"content":…}]}} and nothing else. */
  List<SourceFile> ofJson(byte[] body) {
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

  /** A multipart form's file parts, each named by its filename; parts without one are skipped. */
  static List<SourceFile> ofParts(Collection<Part> parts) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (Part part : parts) {
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
    return files;
  }

  private static CommandRejectedException invalid(String field, String message) {
    return new CommandRejectedException(Reason.INVALID_OPENSLO, field, message);
  }
}
