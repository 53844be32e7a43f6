package io.cybershield.shield.gateway.security;

import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHandlerTest {

  @Test
  void onlyABearerHeaderCarriesAToken() {
    assertThat(SecurityHandler.bearer("Bearer abc.def")).isEqualTo("abc.def");
    assertThat(SecurityHandler.bearer("bearer   abc ")).isEqualTo("abc");
    assertThat(SecurityHandler.bearer(null)).isNull();
    assertThat(SecurityHandler.bearer("Bearer")).isNull();
    assertThat(SecurityHandler.bearer("Bearer    ")).isNull();
    assertThat(SecurityHandler.bearer("Basic dXNlcjpwYXNz")).isNull();
    assertThat(SecurityHandler.bearer("Token abc")).isNull();
    assertThat(SecurityHandler.bearer("Bearer " + "a".repeat(20_000))).as("absurdly long").isNull();
  }

  @Test
  void everyPathBelongsToOneApiOrNeedsAnyRole() {
    assertThat(SecurityHandler.api("/v1/generate")).isEqualTo(Api.GENERATE);
    assertThat(SecurityHandler.api("/v1/chat/completions")).isEqualTo(Api.CHAT);
    assertThat(SecurityHandler.api("/v1/triage")).isEqualTo(Api.TRIAGE);
    assertThat(SecurityHandler.api("/v1/awareness/email")).isEqualTo(Api.AWARENESS);
    assertThat(SecurityHandler.api("/v1/siem/alerts")).isEqualTo(Api.INCIDENTS);
    assertThat(SecurityHandler.api("/v1/guard/redact")).isEqualTo(Api.GUARD);
    assertThat(SecurityHandler.api("/v1/guardian")).as("a prefix is a path segment").isNull();
    for (String path : List.of("/v1/models", "/v1/nothing", "/v1/generate/extra", "/v1/chat")) {
      assertThat(SecurityHandler.target(path)).as(path).isEqualTo(SecurityHandler.Target.ANY_ROLE);
    }
    assertThat(SecurityHandler.target("/v1/whoami")).isEqualTo(SecurityHandler.Target.WHOAMI);
  }
}
