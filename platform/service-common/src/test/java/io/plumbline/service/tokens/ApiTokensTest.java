package io.plumbline.service.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiTokensTest {

  @Test
  void anIssuedTokenParsesAndMatchesItsStoredHashOnly() {
    ApiTokens.Issued issued = ApiTokens.issue();

    ApiTokens.Parsed parsed = ApiTokens.parse(issued.token()).orElseThrow();

    assertThat(parsed.id()).isEqualTo(issued.id());
    assertThat(ApiTokens.matches(parsed.secret(), issued.secretHash())).isTrue();
    assertThat(issued.secretHash()).doesNotContain(parsed.secret());
    assertThat(ApiTokens.matches(parsed.secret() + "x", issued.secretHash())).isFalse();
  }

  @Test
  void twoTokensNeverShareIdOrSecret() {
    ApiTokens.Issued a = ApiTokens.issue();
    ApiTokens.Issued b = ApiTokens.issue();

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.token()).isNotEqualTo(b.token());
  }

  @Test
  void malformedTokensDoNotParse() {
    assertThat(ApiTokens.parse(null)).isEmpty();
    assertThat(ApiTokens.parse("")).isEmpty();
    assertThat(ApiTokens.parse("plt_short_secret")).isEmpty();
    assertThat(ApiTokens.parse("Bearer plt_abc")).isEmpty();
  }
}
