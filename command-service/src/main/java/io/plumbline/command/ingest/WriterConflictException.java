package io.plumbline.command.ingest;

/** Writers kept meeting on one aggregate: the client may retry; nothing was stored. */
final class WriterConflictException extends RuntimeException {

  WriterConflictException(String eventId, int attempts, Throwable cause) {
    super(
        "Event '%s' met other writers of its team %d times; nothing was stored, retry it."
            .formatted(eventId, attempts),
        cause);
  }
}
