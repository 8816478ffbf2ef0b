package io.plumbline.command.slo.openslo;

/** A file as submitted: its name (a path in the team's repository) and its text. */
public record SourceFile(String name, String content) {}
