package io.cybershield.shield.gateway.siem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code shield.gateway.siem.*}: the SIEM webhook. */
@ConfigMapping(prefix = "shield.gateway.siem")
public interface SiemConfig {

  /**
   * The file holding the webhook secret: the key of {@code spec.access.siemWebhook}'s Secret, mounted by the
   * operator ({@code SHIELD_SIEM_WEBHOOK_SECRET_FILE}). Without it, alerts need a bearer token.
   */
  Optional<Path> webhookSecretFile();

  /** How long the secret read from the file is used before the file is read again (a rotated Secret). */
  @WithDefault("2s")
  Duration secretReloadPeriod();

  /**
   * How long the webhook waits for the API server (creating, reading and patching the incident) before it answers
   * 503 {@code IncidentsUnavailable}: a SIEM retries, and the incident's idempotency makes the retry safe.
   */
  @WithDefault("10s")
  Duration apiTimeout();
}
