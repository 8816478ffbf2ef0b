package io.plumbline.command.ingest;

import io.plumbline.command.common.Outcome;

/** One batch item's fate: an outcome, or the refusal that says why not. */
record Decision(String eventId, Outcome outcome, RuntimeException refusal) {}
