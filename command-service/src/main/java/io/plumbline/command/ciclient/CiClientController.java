package io.plumbline.command.ciclient;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CI client a pipeline fetches before it submits: {@code GET /ci/plumbline}, and {@code GET
 * /ci/plumbline.sha256} in {@code sha256sum -c} format, so that a workflow can check what it is
 * about to run. The script is the one in {@code ci-client}, packed into the service at build time;
 * no token is needed (it holds no secret), as for the OpenAPI description.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "CI client",
    description = "The shell client CI jobs download, and its checksum")
@RestController
class CiClientController {

  private static final MediaType SHELL_SCRIPT = MediaType.parseMediaType("text/x-shellscript");

  private final byte[] script;
  private final String checksumLine;

  CiClientController() {
    try (InputStream in = CiClientController.class.getResourceAsStream("/ci/plumbline")) {
      if (in == null) {
        throw new IllegalStateException("The CI client is missing from the build (/ci/plumbline)");
      }
      this.script = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.checksumLine = sha256(script) + "  plumbline\n";
  }

  @Operation(summary = "The CI client, a POSIX shell script that needs only curl")
  @SecurityRequirements
  @GetMapping(value = "/ci/plumbline", produces = "text/x-shellscript")
  ResponseEntity<byte[]> client() {
    return ResponseEntity.ok()
        .contentType(SHELL_SCRIPT)
        .cacheControl(CacheControl.noCache())
        .eTag(checksumLine.substring(0, 64))
        .body(script);
  }

  @Operation(summary = "The CI client's SHA-256, as `sha256sum -c` reads it")
  @SecurityRequirements
  @GetMapping(value = "/ci/plumbline.sha256", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> checksum() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .body(checksumLine);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
