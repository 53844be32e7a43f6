package io.cybershield.shield.gateway.djl;

import java.util.Objects;

/**
 * One DJL Serving pod: its address and container port, and when it serves HTTPS the name its certificate is verified
 * against ({@code <service>.<namespace>.svc}: the gateway connects to the pod's IP but checks the variant Service's
 * name, sent as SNI). Each endpoint has its own connection pool and its own circuit breaker.
 *
 * @param serverName null for plain HTTP
 */
public record DjlEndpoint(String host, int port, String serverName) {

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
    return new DjlEndpoint(host, port, null);
  }

  /** A pod serving HTTPS with a certificate for {@code serverName}. */
  public static DjlEndpoint tls(String host, int port, String serverName) {
    Objects.requireNonNull(serverName, "serverName");
    return new DjlEndpoint(host, port, serverName);
  }

  /** Whether the pod is called over HTTPS. */
  public boolean secure() {
    return serverName != null;
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
