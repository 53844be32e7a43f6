package io.cybershield.shield.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.cybershield.shield.api.v1alpha1.model.spec.OidcAuthentication;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens of an OpenID Connect provider, checked the way the kube-apiserver's OIDC authenticator checks
 * them: a JWT whose {@code iss} is the provider's issuer URL, signed with one of the keys the provider publishes
 * ({@code jwks_uri} of its discovery document, cached and refreshed by nimbus-jose-jwt when a new key id appears),
 * for the configured audience, not expired; the user from the username claim and the groups from the groups claim,
 * each with its prefix. A token of another issuer is left to the other authenticators.
 */
final class OidcTokens implements TokenAuthenticator {

  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
      JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  private final OidcAuthentication config;
  private final DefaultJWTProcessor<SecurityContext> processor;

  /** Reads the provider's keys from its discovery document's {@code jwks_uri}, found when first needed. */
  static OidcTokens discovering(OidcAuthentication config) {
    ResourceRetriever retriever = new DefaultResourceRetriever(5_000, 5_000, 512 * 1024);
    return new OidcTokens(config, new DiscoveredKeys(config.issuerUrl(), retriever));
  }

  OidcTokens(OidcAuthentication config, JWKSource<SecurityContext> keys) {
    this.config = Objects.requireNonNull(config, "config");
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(config.audience(),
        new JWTClaimsSet.Builder().issuer(config.issuerUrl()).build(), Set.of("exp", "iat")));
  }

  OidcAuthentication config() {
    return config;
  }

  @Override
  public Optional<Principal> authenticate(String token) {
    String issuer;
    try {
      issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
    } catch (ParseException | RuntimeException notAJwt) {
      return Optional.empty();
    }
    if (!config.issuerUrl().equals(issuer)) {
      return Optional.empty();
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (BadJOSEException refused) {
      throw new Unauthenticated("the OIDC token was refused: " + refused.getMessage());
    } catch (JOSEException | ParseException failed) {
      throw new Unauthenticated("the OIDC token could not be checked: " + failed.getMessage());
    } catch (KeysUnavailable unavailable) {
      throw new AuthenticatorUnavailable("the OIDC provider's keys cannot be read: " + unavailable.getMessage(), null);
    }
    String usernameClaim = config.usernameClaim() == null ? "sub" : config.usernameClaim();
    Object user = claims.getClaim(usernameClaim);
    if (!(user instanceof String name) || name.isBlank()) {
      throw new Unauthenticated("the OIDC token has no string claim " + usernameClaim);
    }
    String groupsClaim = config.groupsClaim() == null ? "groups" : config.groupsClaim();
    List<String> groups = new ArrayList<>();
    Object claimed = claims.getClaim(groupsClaim);
    String groupsPrefix = config.groupsPrefix() == null ? "oidc:" : config.groupsPrefix();
    if (claimed instanceof List<?> list) {
      for (Object group : list) {
        if (group instanceof String text && !text.isBlank()) {
          groups.add(groupsPrefix + text);
        }
      }
    } else if (claimed instanceof String single && !single.isBlank()) {
      groups.add(groupsPrefix + single);
    }
    groups.add("system:authenticated");
    String usernamePrefix = config.usernamePrefix() == null ? "oidc:" : config.usernamePrefix();
    return Optional.of(new Principal(usernamePrefix + name, claims.getSubject(), groups, "oidc",
        claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant()));
  }

  /** The provider's keys cannot be fetched. */
  static final class KeysUnavailable extends RuntimeException {
    KeysUnavailable(String message) {
      super(message, null, false, false);
    }
  }

  /** The key set of the provider's discovery document, resolved on first use and then left to nimbus' cache. */
  private static final class DiscoveredKeys implements JWKSource<SecurityContext> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String issuer;
    private final ResourceRetriever retriever;
    private volatile JWKSource<SecurityContext> keys;

    DiscoveredKeys(String issuer, ResourceRetriever retriever) {
      this.issuer = issuer;
      this.retriever = retriever;
    }

    @Override
    public List<com.nimbusds.jose.jwk.JWK> get(com.nimbusds.jose.jwk.JWKSelector selector, SecurityContext context)
        throws com.nimbusds.jose.KeySourceException {
      return source().get(selector, context);
    }

    private JWKSource<SecurityContext> source() {
      JWKSource<SecurityContext> known = keys;
      if (known != null) {
        return known;
      }
      synchronized (this) {
        if (keys == null) {
          String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
          try {
            URL discovery = URI.create(base + "/.well-known/openid-configuration").toURL();
            JsonNode document = JSON.readTree(retriever.retrieveResource(discovery).getContent());
            String jwks = document.path("jwks_uri").asText("");
            if (!jwks.startsWith("https://")) {
              throw new KeysUnavailable("the discovery document of " + issuer + " has no https jwks_uri");
            }
            keys = JWKSourceBuilder.create(URI.create(jwks).toURL(), retriever).build();
          } catch (IOException | IllegalArgumentException e) {
            throw new KeysUnavailable("cannot read the discovery document of " + issuer + ": "
                + e.getClass().getSimpleName());
          }
        }
        return keys;
      }
    }
  }
}
