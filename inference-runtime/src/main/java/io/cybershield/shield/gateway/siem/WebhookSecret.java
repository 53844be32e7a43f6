package io.cybershield.shield.gateway.siem;

import io.cybershield.shield.api.v1alpha1.model.spec.SiemWebhook;
import io.cybershield.shield.gateway.routing.Upstreams;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The SIEM webhook's secret as the gateway holds it now: configured when the model's access document has
 * {@code spec.access.siemWebhook} and the mounted file ({@link SiemConfig#webhookSecretFile()}) holds a secret of at
 * least {@value #SHORTEST} bytes (trailing whitespace, such as the newline of {@code kubectl create secret
 * --from-file}, is not part of it). The file is read again at most every {@link SiemConfig#secretReloadPeriod()}, so
 * a rotated Secret (the kubelet rewrites the volume in place) applies within a minute or two of the change, with no
 * restart. Never logs the secret.
 */
@Singleton
public class WebhookSecret {

  /** Shorter secrets are refused: guessable. */
  public static final int SHORTEST = 16;
  private static final Logger LOG = Logger.getLogger(WebhookSecret.class);

  /** The webhook as configured: the secret's bytes, where it came from, and the replay window. */
  public record Key(byte[] secret, String secretName, Duration maxClockSkew) {

    /** The principal of a request authenticated with this secret. */
    public String principal() {
      return "siem-webhook:" + secretName;
    }
  }

  private record Read(byte[] secret, long atNanos) {
  }

  @Inject
  SiemConfig config;

  @Inject
  Upstreams upstreams;

  private final WebhookSignatures signatures = new WebhookSignatures(Clock.systemUTC());
  private volatile Read last;
  private volatile String lastProblem;

  /** The verifier of signed requests (one per gateway: it remembers the signatures it accepted). */
  public WebhookSignatures signatures() {
    return signatures;
  }

  /** The webhook's key, or empty when the model has no webhook secret (or it cannot be read). */
  public Optional<Key> key() {
    var access = upstreams.routes().access();
    SiemWebhook webhook = access == null ? null : access.siemWebhook();
    if (webhook == null || webhook.secretName() == null || config.webhookSecretFile().isEmpty()) {
      return Optional.empty();
    }
    byte[] secret = secret(config.webhookSecretFile().get());
    return secret == null ? Optional.empty()
        : Optional.of(new Key(secret, webhook.secretName(), webhook.maxClockSkewOrDefault()));
  }

  private byte[] secret(Path file) {
    Read read = last;
    long now = System.nanoTime();
    if (read != null && now - read.atNanos() < config.secretReloadPeriod().toNanos()) {
      return read.secret();
    }
    byte[] secret = null;
    String problem = null;
    try {
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && Character.isWhitespace(bytes[end - 1])) {
        end--;
      }
      if (end < SHORTEST) {
        problem = "the SIEM webhook secret in " + file + " is shorter than " + SHORTEST + " bytes; signed and "
            + "token-in-path alerts are refused until it is longer";
      } else {
        secret = Arrays.copyOf(bytes, end);
      }
    } catch (IOException e) {
      problem = "cannot read the SIEM webhook secret " + file + " (" + e.getClass().getSimpleName() + "); signed "
          + "and token-in-path alerts are refused until it can be read";
    }
    if (problem != null && !problem.equals(lastProblem)) {
      LOG.warn(problem);
    }
    lastProblem = problem;
    last = new Read(secret, now);
    return secret;
  }
}
