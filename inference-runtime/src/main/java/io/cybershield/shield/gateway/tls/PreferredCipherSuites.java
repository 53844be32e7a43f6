package io.cybershield.shield.gateway.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JDK's TLS engine with the enabled cipher suites in Shield's order ({@link GatewayTls#CIPHER_SUITES}). Vert.x 4.5
 * copies the configured suites into a {@code HashSet} before it builds an SSL context, which loses their order, and
 * the JDK server picks the first of its own list the client offers: without this, which suite a client gets would
 * depend on string hashes. Suites not in that list are left out.
 */
public final class PreferredCipherSuites extends JdkSSLEngineOptions {

  private final List<String> order;

  /** Shield's order. */
  public PreferredCipherSuites() {
    this(GatewayTls.CIPHER_SUITES);
  }

  PreferredCipherSuites(List<String> order) {
    this.order = List.copyOf(order);
  }

  private PreferredCipherSuites(PreferredCipherSuites other) {
    super(other);
    this.order = other.order;
  }

  @Override
  public PreferredCipherSuites copy() {
    return new PreferredCipherSuites(this);
  }

  @Override
  public SslContextFactory sslContextFactory() {
    SslContextFactory jdk = super.sslContextFactory();
    return new SslContextFactory() {
      @Override
      public SslContextFactory useAlpn(boolean useAlpn) {
        jdk.useAlpn(useAlpn);
        return this;
      }

      @Override
      public SslContextFactory clientAuth(ClientAuth clientAuth) {
        jdk.clientAuth(clientAuth);
        return this;
      }

      @Override
      public SslContextFactory forClient(boolean forClient) {
        jdk.forClient(forClient);
        return this;
      }

      @Override
      public SslContextFactory keyMananagerFactory(KeyManagerFactory factory) {
        jdk.keyMananagerFactory(factory);
        return this;
      }

      @Override
      public SslContextFactory trustManagerFactory(TrustManagerFactory factory) {
        jdk.trustManagerFactory(factory);
        return this;
      }

      @Override
      public SslContextFactory enabledCipherSuites(Set<String> configured) {
        jdk.enabledCipherSuites(ordered(configured));
        return this;
      }

      @Override
      public SslContextFactory applicationProtocols(List<String> protocols) {
        jdk.applicationProtocols(protocols);
        return this;
      }

      @Override
      public SslContextFactory serverName(String serverName) {
        jdk.serverName(serverName);
        return this;
      }

      @Override
      public SslContext create() throws SSLException {
        return jdk.create();
      }
    };
  }

  /** The suites of {@link #order}, in that order; those configured if given (any order), else all of them. */
  Set<String> ordered(Set<String> configured) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String suite : order) {
      if (configured == null || configured.isEmpty() || configured.contains(suite)) {
        ordered.add(suite);
      }
    }
    return ordered;
  }
}
