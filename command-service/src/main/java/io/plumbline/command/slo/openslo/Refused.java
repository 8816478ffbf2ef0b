package io.plumbline.command.slo.openslo;

/** A document refused, carrying its outcome. */
final class Refused extends RuntimeException {
  final transient Document document;

  Refused(Document document) {
    super(document.detail(), null, false, false);
    this.document = document;
  }
}
