package io.cybershield.shield.gateway.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated caller, as its authenticator reported it.
 *
 * @param name          the user name ({@code system:serviceaccount:<namespace>:<name>} for a service account)
 * @param uid           the authenticator's uid of the user, if any
 * @param groups        the user's groups
 * @param authenticator which authenticator vouched for it: {@code kubernetes}, {@code oidc} or {@code static}
 * @param expires       when the credential stops being valid, if known
 */
public record Principal(String name, String uid, List<String> groups, String authenticator, Instant expires) {

  /** The prefix of service-account user names. */
  static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  public Principal {
    Objects.requireNonNull(name, "name");
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** The service account, {@code <namespace>/<name>}, when the caller is one. */
  public Optional<String> serviceAccount() {
    if (!name.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      return Optional.empty();
    }
    String rest = name.substring(SERVICE_ACCOUNT_PREFIX.length());
    int colon = rest.indexOf(':');
    return colon <= 0 || colon == rest.length() - 1 ? Optional.empty()
        : Optional.of(rest.substring(0, colon) + "/" + rest.substring(colon + 1));
  }
}
