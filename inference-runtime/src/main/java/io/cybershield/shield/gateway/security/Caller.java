package io.cybershield.shield.gateway.security;

import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import io.vertx.ext.web.RoutingContext;

/**
 * The authenticated caller of one request, for the endpoints: who, what they hold, and the role the request is
 * made in (the first of their roles that opens its API; null for the calls every role may make).
 *
 * @param principal who
 * @param grant     the roles they hold
 * @param api       the API called, null for {@code /v1/whoami} and {@code /v1/models}
 * @param role      the role the call is made in, null when {@code api} is
 */
public record Caller(Principal principal, Grant grant, Api api, AccessRole role) {

  /** The key of the caller in the Vert.x routing context. */
  public static final String KEY = "shield.caller";

  /** The caller of the request {@code context} serves; set by {@link SecurityHandler} before any endpoint runs. */
  public static Caller of(RoutingContext context) {
    Caller caller = context.get(KEY);
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller: the security handler did not run");
    }
    return caller;
  }
}
