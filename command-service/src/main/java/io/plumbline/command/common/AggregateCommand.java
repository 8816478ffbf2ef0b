package io.plumbline.command.common;

/** A command that names the aggregate deciding on it. */
public interface AggregateCommand {

  /** The aggregate that decides on the command. */
  String aggregateId();
}
