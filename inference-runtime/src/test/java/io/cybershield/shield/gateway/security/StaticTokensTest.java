package io.cybershield.shield.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticTokensTest {

  @Test
  void readsTheApiServersTokenFileFormat() {
    StaticTokens tokens = StaticTokens.parse(List.of(
        "# comment",
        "",
        "t0k3n-one,alice,uid-1,\"soc-analysts,dfir\"",
        "t0k3n-two,bob,uid-2"), "tokens.csv");

    assertThat(tokens.size()).isEqualTo(2);
    Principal alice = tokens.authenticate("t0k3n-one").orElseThrow();
    assertThat(alice.name()).isEqualTo("alice");
    assertThat(alice.uid()).isEqualTo("uid-1");
    assertThat(alice.groups()).containsExactly("soc-analysts", "dfir", "system:authenticated");
    assertThat(alice.authenticator()).isEqualTo("static");
    assertThat(tokens.authenticate("t0k3n-two").orElseThrow().groups()).containsExactly("system:authenticated");
    assertThat(tokens.authenticate("t0k3n-on")).isEmpty();
    assertThat(tokens.authenticate("T0K3N-ONE")).isEmpty();
  }

  @Test
  void aBrokenLineSaysWhere() {
    assertThatThrownBy(() -> StaticTokens.parse(List.of("ok,alice,1", "only-a-token"), "tokens.csv"))
        .hasMessage("tokens.csv line 2: expected token,user,uid[,\"groups\"]");
  }
}
