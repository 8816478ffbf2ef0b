package io.plumbline.service.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal an endpoint answers with: its status and the machine-readable {@code reason}s that come
 * with it, documented as an RFC 9457 problem response. The tests check every response against the
 * documents, so a refusal the code gives and no annotation names fails the build.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Refusal.List.class)
public @interface Refusal {

  int status();

  String[] reasons();

  /** Where several refusals are declared. */
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @interface List {
    Refusal[] value();
  }
}
