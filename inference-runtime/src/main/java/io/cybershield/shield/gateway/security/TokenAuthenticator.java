package io.cybershield.shield.gateway.security;

import java.util.Optional;

/** One way to check a bearer token. Blocking; called off the event loop. */
interface TokenAuthenticator {

  /**
   * The principal of {@code token}; empty when this authenticator does not vouch for tokens like it (another may).
   *
   * @throws Unauthenticated      when the token is one of this authenticator's and is not valid
   * @throws AuthenticatorUnavailable when the authenticator cannot answer now (its server is unreachable)
   */
  Optional<Principal> authenticate(String token);

  /** A token this authenticator refuses; {@code reason} is for the gateway's log, never for the caller. */
  final class Unauthenticated extends RuntimeException {
    Unauthenticated(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The authenticator cannot answer now; the request is refused 503, never let through. */
  final class AuthenticatorUnavailable extends RuntimeException {
    AuthenticatorUnavailable(String reason, Throwable cause) {
      super(reason, cause, false, false);
    }
  }
}
