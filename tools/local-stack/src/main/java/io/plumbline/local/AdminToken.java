package io.plumbline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The local stack's bootstrap admin token: made once, kept readable by its owner only. */
final class AdminToken {

  private AdminToken() {}

  static String loadOrCreate(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      String token =
          "plumbline-admin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; the file stays as the platform made it
      }
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
