package io.plumbline.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/** An operation over a range of quarters, {@code from} and {@code to}, described once for all. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Operation(
    parameters = {
      @Parameter(
          name = "from",
          in = ParameterIn.QUERY,
          description = "first quarter, e.g. 2024-Q1",
          schema = @Schema(type = "string")),
      @Parameter(
          name = "to",
          in = ParameterIn.QUERY,
          description = "last quarter; the current one by default",
          schema = @Schema(type = "string"))
    })
public @interface OperationWithQuarterRange {

  @AliasFor(annotation = Operation.class)
  String summary();
}
