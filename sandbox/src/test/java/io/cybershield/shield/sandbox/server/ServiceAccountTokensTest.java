package io.cybershield.shield.sandbox.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The static token file, read as the kube-apiserver reads its {@code --token-auth-file}. */
class ServiceAccountTokensTest {

  private final ServiceAccountTokens tokens = new ServiceAccountTokens(
      new SandboxStore(new ResourceRegistry(), Clock.systemUTC()), Clock.systemUTC());

  @Test
  void readsTheApiserversCsvFormat(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens.csv");
    Files.writeString(file, """
        alice-token,alice@soc.example,1001,"soc-analysts,shield-admins"
        bob-token, bob, 1002
        ,nobody,1003

        carol-token,carol,1004,shield-viewers
        "dave,token",dave,1005,"a ""quoted"" group"
        """);

    assertThat(tokens.loadTokenAuthFile(file)).isEqualTo(4);

    ServiceAccountTokens.Review alice = tokens.review("alice-token", List.of());
    assertThat(alice.authenticated()).isTrue();
    assertThat(alice.username()).isEqualTo("alice@soc.example");
    assertThat(alice.uid()).isEqualTo("1001");
    assertThat(alice.groups()).containsExactly("soc-analysts", "shield-admins", "system:authenticated");
    assertThat(tokens.review("bob-token", List.of()).groups()).containsExactly("system:authenticated");
    assertThat(tokens.review("bob-token", List.of()).username()).isEqualTo("bob");
    assertThat(tokens.review("carol-token", List.of()).groups()).containsExactly("shield-viewers",
        "system:authenticated");
    assertThat(tokens.review("dave,token", List.of()).groups()).containsExactly("a \"quoted\" group",
        "system:authenticated");
    assertThat(tokens.review("", List.of()).authenticated()).isFalse();
    assertThat(tokens.review("eve-token", List.of()).error()).isEqualTo("invalid bearer token");
  }

  @Test
  void aLineWithTooFewColumnsIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens.csv");
    Files.writeString(file, "alice-token,alice\n");
    assertThatThrownBy(() -> tokens.loadTokenAuthFile(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token file '" + file + "' must have at least 3 columns (token, user name, user uid), found 2");
  }

  @Test
  void errorsAggregateAsApimachineryDoes() {
    assertThat(ServiceAccountTokens.aggregate(List.of("invalid bearer token", "invalid bearer token")))
        .isEqualTo("invalid bearer token");
    assertThat(ServiceAccountTokens.aggregate(List.of("invalid bearer token", "service account token has expired")))
        .isEqualTo("[invalid bearer token, service account token has expired]");
  }
}
