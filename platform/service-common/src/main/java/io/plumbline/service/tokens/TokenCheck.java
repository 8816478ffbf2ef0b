package io.plumbline.service.tokens;

import java.util.Optional;
import java.util.function.Function;

/**
 * Decides who a bearer token belongs to. Both services use it, each with its own lookup of stored
 * tokens; a bootstrap admin token from configuration is accepted too.
 */
public final class TokenCheck {

  /** What a stored token says about its holder; {@code teamId} only for team tokens. */
  public record Holder(
      String tokenId, Scope scope, String teamId, boolean revoked, String secretHash) {}

  /** The kinds of caller. */
  public enum Scope {
    /** Submits evidence for its own team (and may read that team's figures). */
    TEAM,
    /** Reads the query API. */
    READER,
    /** Manages org structure, tokens and the rubric; reads everything. */
    ADMIN,
    /**
     * Grants and revokes exemptions for any team (a VP, an SRE lead), and reads the query API like
     * a reader; submits no evidence.
     */
    APPROVER,
    /**
     * Scrapes the query service's metrics (which name teams and groups) and reads nothing else: the
     * token a Prometheus holds.
     */
    METRICS
  }

  /** The id under which the bootstrap admin token appears. */
  public static final String BOOTSTRAP_ID = "bootstrap-admin";

  /** The id under which the bootstrap metrics token appears. */
  public static final String BOOTSTRAP_METRICS_ID = "bootstrap-metrics";

  private final Function<String, Optional<Holder>> lookup;
  private final String bootstrapHash;
  private final String metricsHash;

  /**
   * @param bootstrapAdminToken the configured bootstrap token, or null/blank for none
   */
  public TokenCheck(Function<String, Optional<Holder>> lookup, String bootstrapAdminToken) {
    this(lookup, bootstrapAdminToken, null);
  }

  /**
   * @param bootstrapMetricsToken a configured token of scope {@link Scope#METRICS} (what a
   *     Prometheus deployed with the services scrapes with), or null/blank for none
   */
  public TokenCheck(
      Function<String, Optional<Holder>> lookup,
      String bootstrapAdminToken,
      String bootstrapMetricsToken) {
    this.lookup = lookup;
    this.bootstrapHash = hashOf(bootstrapAdminToken);
    this.metricsHash = hashOf(bootstrapMetricsToken);
  }

  private static String hashOf(String token) {
    return token == null || token.isBlank() ? null : ApiTokens.hash(token);
  }

  /** The holder of a valid, unrevoked token; empty for anything else. */
  public Optional<Holder> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    if (bootstrapHash != null && ApiTokens.matches(token, bootstrapHash)) {
      return Optional.of(new Holder(BOOTSTRAP_ID, Scope.ADMIN, null, false, bootstrapHash));
    }
    if (metricsHash != null && ApiTokens.matches(token, metricsHash)) {
      return Optional.of(new Holder(BOOTSTRAP_METRICS_ID, Scope.METRICS, null, false, metricsHash));
    }
    return ApiTokens.parse(token)
        .flatMap(
            parsed ->
                lookup
                    .apply(parsed.id())
                    .filter(holder -> !holder.revoked())
                    .filter(holder -> ApiTokens.matches(parsed.secret(), holder.secretHash())));
  }
}
