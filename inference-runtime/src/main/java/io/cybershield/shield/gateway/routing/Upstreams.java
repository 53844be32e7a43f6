package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;

import java.util.Collection;

/**
 * What the gateway routes over: the routing document the operator wrote and the endpoints it can send to, with the
 * requests it has in flight to each. Every upstream call is bracketed by {@link #acquire} and {@link #release}, so
 * {@link #endpoints()} hands the {@link Router} live in-flight counts.
 */
public interface Upstreams {

  /** The current routes. */
  GatewayRoutes routes();

  /** The endpoints now, each with its in-flight count. */
  Collection<Router.Endpoint> endpoints();

  /** A request to this endpoint begins. */
  void acquire(Router.Endpoint endpoint);

  /** A request to this endpoint ended (whatever its outcome); once per {@link #acquire}. */
  void release(Router.Endpoint endpoint);

  /**
   * Whether the routes and endpoints are known: fixed ones always are; watched ones once the watches have listed
   * what they watch. The gateway is not ready before.
   */
  default boolean synced() {
    return true;
  }
}
