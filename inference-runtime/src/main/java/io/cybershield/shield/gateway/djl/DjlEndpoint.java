package io.cybershield.shield.gateway.djl;

import java.util.Objects;

/**
 * One DJL Serving pod: its address and container port. Each endpoint has its own connection pool and its own
 * circuit breaker.
 */
public record DjlEndpoint(String host, int port) {

  public DjlEndpoint {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, was " + port);
    }
  }

  public static DjlEndpoint of(String host, int port) {
    return new DjlEndpoint(host, port);
  }

  /** {@code host:port}, the way logs and metrics name the pod. */
  public String authority() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }

  @Override
  public String toString() {
    return authority();
  }
}
