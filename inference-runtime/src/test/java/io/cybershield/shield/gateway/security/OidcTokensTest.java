package io.cybershield.shield.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cybershield.shield.api.v1alpha1.model.spec.OidcAuthentication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OIDC bearer tokens against a provider's key set: what is accepted, and every way a token is refused. */
class OidcTokensTest {

  private static final String ISSUER = "https://idp.example/realms/soc";
  private static RSAKey provider;
  private static RSAKey stranger;
  private static OidcTokens oidc;

  @BeforeAll
  static void keys() throws Exception {
    provider = new RSAKeyGenerator(2048).keyID("provider-1").generate();
    stranger = new RSAKeyGenerator(2048).keyID("provider-1").generate();
    oidc = new OidcTokens(new OidcAuthentication(ISSUER, "shield-gateway", "preferred_username", "oidc:", "groups",
        "oidc:"), new ImmutableJWKSet<>(new JWKSet(provider.toPublicJWK())));
  }

  private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> edit) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("shield-gateway")
        .subject("5f1c").claim("preferred_username", "alice").claim("groups", List.of("soc-analysts", "dfir"))
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    edit.accept(claims);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
        claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aValidTokenGivesThePrefixedUserAndGroups() throws Exception {
    Principal alice = oidc.authenticate(token(provider, claims -> { })).orElseThrow();
    assertThat(alice.name()).isEqualTo("oidc:alice");
    assertThat(alice.uid()).isEqualTo("5f1c");
    assertThat(alice.groups()).containsExactly("oidc:soc-analysts", "oidc:dfir", "system:authenticated");
    assertThat(alice.authenticator()).isEqualTo("oidc");
    assertThat(alice.expires()).isAfter(Instant.now());
  }

  @Test
  void refusesExpiredForeignAndMisdirectedTokens() throws Exception {
    assertThatThrownBy(() -> oidc.authenticate(token(provider, claims -> claims
        .expirationTime(Date.from(Instant.now().minusSeconds(600))))))
        .isInstanceOf(TokenAuthenticator.Unauthenticated.class);
    assertThatThrownBy(() -> oidc.authenticate(token(provider, claims -> claims.audience("another-app"))))
        .isInstanceOf(TokenAuthenticator.Unauthenticated.class);
    assertThatThrownBy(() -> oidc.authenticate(token(stranger, claims -> { })))
        .as("signed by a key the provider does not publish, under its key id")
        .isInstanceOf(TokenAuthenticator.Unauthenticated.class);
    assertThatThrownBy(() -> oidc.authenticate(token(provider, claims -> claims.claim("preferred_username", null))))
        .isInstanceOf(TokenAuthenticator.Unauthenticated.class)
        .hasMessageContaining("no string claim preferred_username");
  }

  @Test
  void leavesTokensOfOtherIssuersToTheOtherAuthenticators() throws Exception {
    assertThat(oidc.authenticate(token(provider, claims -> claims.issuer("https://kubernetes.default.svc"))))
        .isEmpty();
    assertThat(oidc.authenticate("not-a-jwt")).isEmpty();
  }
}
