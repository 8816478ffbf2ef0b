package io.plumbline.command.common;

/** A command about one team; a team token may send it only for its own team. */
public interface TeamCommand extends EvidenceCommand {

  String teamId();
}
