package io.plumbline.service.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API tokens look like {@code plt_<id>_<secret>}: the id is public (it names the token in lists,
 * logs and revocations), the secret is 32 random bytes and is stored only as its SHA-256 hash. A
 * hash suffices because the secret has full entropy: there is nothing to guess.
 */
public final class ApiTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORMAT = Pattern.compile("^plt_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$");

  private ApiTokens() {}

  /** A token as shown once to whoever created it. */
  public record Issued(String id, String token, String secretHash) {}

  /** The two parts of a well-formed token. */
  public record Parsed(String id, String secret) {}

  public static Issued issue() {
    String id = randomId();
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    return new Issued(id, "plt_" + id + "_" + secret, hash(secret));
  }

  public static Optional<Parsed> parse(String token) {
    Matcher m = FORMAT.matcher(token == null ? "" : token);
    return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2))) : Optional.empty();
  }

  /** Hex SHA-256 of a secret (or of a whole bootstrap token). */
  public static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** Compares hashes in constant time. */
  public static boolean matches(String secret, String expectedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static String randomId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder id = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
