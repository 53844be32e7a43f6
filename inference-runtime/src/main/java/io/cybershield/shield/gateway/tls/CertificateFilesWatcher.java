package io.cybershield.shield.gateway.tls;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.CertificateUpdatedEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Serves a rotated certificate without a restart: every {@value GatewayTls#RELOAD_PERIOD} it reads the certificate and
 * key files, and once their content has changed and stayed the same for one more look (so a certificate is never
 * paired with the key of the one before it, whatever writes the files), it reloads the TLS configuration and tells the
 * HTTP server, which serves the new certificate on the next handshake. Connections already open keep theirs.
 * <p>
 * The TLS registry's own {@code reload-period} is not used: it reloads and swaps the server's SSL context at every
 * period whether the files changed or not.
 */
@ApplicationScoped
public class CertificateFilesWatcher {

  private static final Logger LOG = Logger.getLogger(CertificateFilesWatcher.class);

  private final Optional<String> certFile;
  private final Optional<String> keyFile;
  private final Duration period;
  private final TlsConfigurationRegistry registry;
  private final Event<CertificateUpdatedEvent> updates;
  private final Vertx vertx;
  private long timer = -1;
  private byte[] served;
  private byte[] lastSeen;

  CertificateFilesWatcher(@ConfigProperty(name = GatewayTls.CERT_FILE) Optional<String> certFile,
      @ConfigProperty(name = GatewayTls.KEY_FILE) Optional<String> keyFile,
      @ConfigProperty(name = GatewayTls.RELOAD_PERIOD, defaultValue = GatewayTls.DEFAULT_RELOAD_PERIOD) Duration period,
      TlsConfigurationRegistry registry, Event<CertificateUpdatedEvent> updates, Vertx vertx) {
    this.certFile = certFile.filter(GatewayTls::enabled);
    this.keyFile = keyFile;
    this.period = period;
    this.registry = registry;
    this.updates = updates;
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent started) {
    if (certFile.isEmpty() || keyFile.isEmpty()) {
      return;
    }
    served = digest();
    lastSeen = served;
    timer = vertx.setPeriodic(Math.max(100, period.toMillis()),
        tick -> vertx.executeBlocking(() -> look(), false));
    LOG.infof("serving HTTPS with %s; looking for a new certificate every %s", certFile.get(), period);
  }

  void stop(@Observes ShutdownEvent stopped) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private synchronized Void look() {
    byte[] now = digest();
    if (now == null || Arrays.equals(now, served)) {
      lastSeen = now;
      return null;
    }
    if (!Arrays.equals(now, lastSeen)) {
      lastSeen = now;
      return null;
    }
    TlsConfiguration configuration = registry.get(GatewayTls.CONFIGURATION).orElseThrow();
    try {
      if (configuration.reload()) {
        updates.fire(new CertificateUpdatedEvent(GatewayTls.CONFIGURATION, configuration));
        served = now;
        LOG.infof("serving the new certificate of %s", certFile.get());
      } else {
        LOG.warnf("could not reload the certificate of %s; serving the previous one", certFile.get());
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "could not reload the certificate of %s; serving the previous one", certFile.get());
    }
    return null;
  }

  /** A digest of both files, or null while one cannot be read (the next look tries again). */
  private byte[] digest() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(Files.readAllBytes(Path.of(certFile.get())));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(Path.of(keyFile.get())));
      return digest.digest();
    } catch (IOException e) {
      LOG.debugf(e, "cannot read %s or %s", certFile.get(), keyFile.get());
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
