package io.plumbline.command.security.web;

import io.plumbline.command.security.StoredToken;
import io.plumbline.command.security.StoredTokens;
import io.plumbline.command.security.TokenIntrospector;
import io.plumbline.events.Ids;
import io.plumbline.service.openapi.Refusal;
import io.plumbline.service.tokens.ApiTokens;
import io.plumbline.service.tokens.TokenCheck;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins create tokens (the secret is shown once), list them (never their secrets), revoke them.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Tokens",
    description = "API tokens: created, listed and revoked by an admin")
@RestController
@RequestMapping("/api/v1/admin/tokens")
class TokenAdminController {

  private static final Logger log = LoggerFactory.getLogger(TokenAdminController.class);

  private final StoredTokens tokens;
  private final TokenIntrospector introspector;
  private final Clock clock;

  TokenAdminController(StoredTokens tokens, TokenIntrospector introspector, Clock clock) {
    this.tokens = tokens;
    this.introspector = introspector;
    this.clock = clock;
  }

  /** What to create: a team token needs its team; reader and admin tokens have none. */
  record NewToken(
      @NotBlank @Size(max = 200) String name,
      @NotNull TokenCheck.Scope scope,
      @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String teamId) {}

  /** The created token; {@code token} is shown here and never again. */
  record CreatedToken(
      String id, String name, TokenCheck.Scope scope, String teamId, String token) {}

  /** A token as listed: everything but its secret. */
  record TokenView(
      String id,
      String name,
      TokenCheck.Scope scope,
      String teamId,
      Instant createdAt,
      Instant revokedAt) {
    static TokenView of(StoredToken t) {
      return new TokenView(t.id(), t.name(), t.scope(), t.teamId(), t.createdAt(), t.revokedAt());
    }
  }

  @io.swagger.v3.oas.annotations.Operation(
      summary = "Create a token; its secret is shown only in this answer")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "201",
      description = "Created; the answer carries the token, which is stored only as a hash")
  @Refusal(status = 400, reasons = "invalid-field")
  @Refusal(
      status = 422,
      reasons = {"invalid-field", "team-scope-mismatch"})
  @PostMapping
  ResponseEntity<CreatedToken> create(@Valid @RequestBody NewToken request) {
    boolean team = request.scope() == TokenCheck.Scope.TEAM;
    if (team == (request.teamId() == null)) {
      throw new io.plumbline.command.common.CommandRejectedException(
          io.plumbline.command.common.Reason.TEAM_SCOPE_MISMATCH,
          "teamId",
          "A TEAM token needs a teamId; READER and ADMIN tokens must not have one.");
    }
    ApiTokens.Issued issued = ApiTokens.issue();
    tokens.insert(
        new StoredToken(
            issued.id(),
            request.name(),
            request.scope(),
            request.teamId(),
            issued.secretHash(),
            clock.instant(),
            null));
    log.info("Created {} token {} ({})", request.scope(), issued.id(), request.name());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new CreatedToken(
                issued.id(), request.name(), request.scope(), request.teamId(), issued.token()));
  }

  @io.swagger.v3.oas.annotations.Operation(
      summary = "List every token, revoked ones too, without secrets")
  @GetMapping
  List<TokenView> list() {
    return tokens.findAll(Sort.by("createdAt")).stream().map(TokenView::of).toList();
  }

  @io.swagger.v3.oas.annotations.Operation(
      summary = "Revoke a token; revoking a revoked token changes nothing")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "204",
      description = "Revoked (or already revoked)")
  @Refusal(status = 404, reasons = "unknown-token")
  @DeleteMapping("/{tokenId}")
  ResponseEntity<Void> revoke(@PathVariable String tokenId) {
    StoredToken token = tokens.findById(tokenId).orElse(null);
    if (token == null) {
      throw new io.plumbline.command.common.CommandRejectedException(
          io.plumbline.command.common.Reason.UNKNOWN_TOKEN,
          "tokenId",
          "There is no token '%s'.".formatted(tokenId));
    }
    if (token.revokedAt() == null) {
      tokens.save(
          new StoredToken(
              token.id(),
              token.name(),
              token.scope(),
              token.teamId(),
              token.secretHash(),
              token.createdAt(),
              clock.instant()));
      introspector.forget(tokenId);
      log.info("Revoked token {}", tokenId);
    }
    return ResponseEntity.noContent().build();
  }
}
