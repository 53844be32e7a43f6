package io.cybershield.shield.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.cybershield.shield.api.v1alpha1.model.spec.OidcAuthentication;
import io.cybershield.shield.gateway.api.GatewayConfig;
import io.cybershield.shield.gateway.routing.Upstreams;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a bearer token into a {@link Principal}, or refuses it: the static token file first (when configured), then
 * the model's OpenID Connect provider (when {@code spec.access.oidc} names one and the token is its), then the
 * Kubernetes API server (in cluster mode). What the authenticators answer is remembered by the token's SHA-256
 * digest — valid tokens for {@code shield.gateway.auth.cache-ttl} or until they expire, whichever is sooner, refused
 * ones briefly — in a bounded cache. When an authenticator cannot answer, the request is refused with 503, never
 * let through.
 */
@Singleton
public class Authentication {

  private static final Logger LOG = Logger.getLogger(Authentication.class);

  @Inject
  AuthConfig config;

  @Inject
  GatewayConfig gateway;

  @Inject
  Upstreams upstreams;

  @Inject
  Instance<KubernetesClient> clients;

  private Clock clock = Clock.systemUTC();
  private Optional<StaticTokens> tokens = Optional.empty();
  private Optional<KubernetesTokenReviews> kubernetes = Optional.empty();
  private volatile OidcTokens oidc;
  private Cache<String, Outcome> remembered;

  /** What an authentication came to, and until when it holds. */
  record Outcome(Principal principal, String refusal, Instant until) {
  }

  /** The caller could not be authenticated. */
  public static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** No authenticator could answer. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String reason) {
      super(reason, null, false, false);
    }
  }

  @PostConstruct
  void start() {
    tokens = config.tokensFile().map(StaticTokens::read);
    tokens.ifPresent(file -> LOG.infof("authenticating %d tokens of %s", file.size(), config.tokensFile().get()));
    if (gateway.routesFile().isEmpty() && gateway.model().isPresent() && gateway.namespace().isPresent()) {
      kubernetes = Optional.of(new KubernetesTokenReviews(clients.get(), config.audiences().orElse(List.of())));
    }
    if (tokens.isEmpty() && kubernetes.isEmpty()) {
      LOG.warn("no authenticator: neither a token file (shield.gateway.auth.tokens-file) nor a cluster; only an "
          + "OIDC provider in the model's spec.access can authenticate callers");
    }
    remembered = Caffeine.newBuilder().maximumSize(config.cacheSize()).expireAfter(new Expiry<String, Outcome>() {
      @Override
      public long expireAfterCreate(String key, Outcome outcome, long now) {
        return Math.max(0, Duration.between(clock.instant(), outcome.until()).toNanos());
      }

      @Override
      public long expireAfterUpdate(String key, Outcome outcome, long now, long current) {
        return expireAfterCreate(key, outcome, now);
      }

      @Override
      public long expireAfterRead(String key, Outcome outcome, long now, long current) {
        return current;
      }
    }).build();
  }

  /** The principal of {@code token}; fails with {@link Refused} or {@link Unavailable}. */
  public Uni<Principal> authenticate(String token) {
    String key = StaticTokens.digest(token);
    Outcome known = remembered.getIfPresent(key);
    if (known != null && known.until().isAfter(clock.instant())) {
      return known.principal() != null ? Uni.createFrom().item(known.principal())
          : Uni.createFrom().failure(new Refused(known.refusal()));
    }
    return Uni.createFrom().item(() -> check(key, token))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .map(outcome -> {
          if (outcome.principal() == null) {
            throw new Refused(outcome.refusal());
          }
          return outcome.principal();
        });
  }

  private Outcome check(String key, String token) {
    Instant now = clock.instant();
    for (TokenAuthenticator authenticator : authenticators()) {
      Optional<Principal> principal;
      try {
        principal = authenticator.authenticate(token);
      } catch (TokenAuthenticator.Unauthenticated refused) {
        Outcome outcome = new Outcome(null, refused.getMessage(), now.plus(config.refusalCacheTtl()));
        remembered.put(key, outcome);
        return outcome;
      } catch (TokenAuthenticator.AuthenticatorUnavailable unavailable) {
        throw new Unavailable(unavailable.getMessage());
      }
      if (principal.isPresent()) {
        Instant until = now.plus(config.cacheTtl());
        Instant expires = principal.get().expires();
        if (expires != null && expires.isBefore(until)) {
          until = expires;
        }
        if (!until.isAfter(now)) {
          return new Outcome(null, "the token has expired", now);
        }
        Outcome outcome = new Outcome(principal.get(), null, until);
        remembered.put(key, outcome);
        return outcome;
      }
    }
    Outcome outcome = new Outcome(null, "no authenticator knows the token", now.plus(config.refusalCacheTtl()));
    remembered.put(key, outcome);
    return outcome;
  }

  private List<TokenAuthenticator> authenticators() {
    List<TokenAuthenticator> chain = new ArrayList<>(3);
    tokens.ifPresent(chain::add);
    oidc().ifPresent(chain::add);
    kubernetes.ifPresent(chain::add);
    return chain;
  }

  /** The OIDC authenticator of the model's current access document, made anew when it changes. */
  private Optional<OidcTokens> oidc() {
    var access = upstreams.routes().access();
    OidcAuthentication wanted = access == null ? null : access.oidc();
    OidcTokens current = oidc;
    if (wanted == null) {
      oidc = null;
      return Optional.empty();
    }
    if (current == null || !current.config().equals(wanted)) {
      current = OidcTokens.discovering(wanted);
      oidc = current;
      remembered.invalidateAll();
    }
    return Optional.of(current);
  }
}
