package io.plumbline.local;

import java.time.Duration;

/**
 * Sleeping in the stack's waits: an interrupt ends the sleep early and stays set for the caller.
 */
final class Pause {

  private Pause() {}

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
