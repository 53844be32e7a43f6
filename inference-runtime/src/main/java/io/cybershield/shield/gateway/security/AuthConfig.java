package io.cybershield.shield.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code shield.gateway.auth.*}: how callers are authenticated. There is no setting that turns it off. */
@ConfigMapping(prefix = "shield.gateway.auth")
public interface AuthConfig {

  /**
   * A token file in the kube-apiserver's {@code --token-auth-file} format ({@code token,user,uid,"groups"}), checked
   * before anything else; for a gateway run stand-alone or in tests.
   */
  Optional<Path> tokensFile();

  /** Audiences a Kubernetes token must be issued for; the API server's own audience when not set. */
  Optional<List<String>> audiences();

  /** How long a valid token's principal is remembered (never past the token's own expiry). */
  @WithDefault("30s")
  Duration cacheTtl();

  /** How long a refused token stays refused without asking again: a flood of bad tokens asks the API server once. */
  @WithDefault("5s")
  Duration refusalCacheTtl();

  /** The most tokens remembered. */
  @WithDefault("10000")
  int cacheSize();

  /** Failed authentications (401) or authorizations (403) from one source within a minute that are flagged. */
  @WithDefault("10")
  int misuseThreshold();
}
