package io.plumbline.command.common;

import io.plumbline.events.PlumblineEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The event ids an aggregate has accepted, each with a fingerprint of its content, so that a
 * retried submission is recognised and a reused id with other content is refused.
 */
public final class EventIds {

  private final Map<String, String> fingerprints = new HashMap<>();

  /**
   * @return true when this exact event was accepted before, so the command changes nothing
   * @throws CommandRejectedException when the id was accepted before with other content
   */
  public boolean isRepeat(PlumblineEvent candidate) {
    String known = fingerprints.get(candidate.eventId());
    if (known == null) {
      return false;
    }
    if (known.equals(fingerprint(candidate))) {
      return true;
    }
    throw new CommandRejectedException(
        Reason.EVENT_ID_REUSED,
        "eventId",
        "Event id '%s' was already accepted with different content; use a new id for a new fact."
            .formatted(candidate.eventId()));
  }

  public void record(PlumblineEvent accepted) {
    fingerprints.put(accepted.eventId(), fingerprint(accepted));
  }

  private static String fingerprint(PlumblineEvent event) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(event.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
