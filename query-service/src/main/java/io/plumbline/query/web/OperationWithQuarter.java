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

/** An operation whose one filter is the {@code quarter} it reads, described once for all. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Operation(
    parameters =
        @Parameter(
            name = "quarter",
            in = ParameterIn.QUERY,
            description = "the current quarter by default",
            schema = @Schema(type = "string")))
public @interface OperationWithQuarter {

  @AliasFor(annotation = Operation.class)
  String summary();
}
