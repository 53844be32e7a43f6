package io.cybershield.shield.gateway.siem;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The two ways a SIEM without a bearer token proves it holds the webhook secret, checked on the raw bytes before
 * anything parses them:
 * <ul>
 * <li><b>HMAC</b>: {@value #TIMESTAMP_HEADER} (unix seconds) and {@value #SIGNATURE_HEADER}
 * {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. A timestamp further than the allowed skew from
 * the gateway's clock is refused (a captured request goes stale), and so is a signature already accepted within the
 * window (a captured request replayed while still fresh). Signing the timestamp with the body binds the two.</li>
 * <li><b>token in the path</b> ({@code /v1/siem/alerts/hook/<secret>}), for Splunk's webhook action, which sets no
 * headers: compared in constant time (as SHA-256 digests, so not even the length leaks through timing).</li>
 * </ul>
 * Replays are remembered per gateway replica, in memory; a replay sent to another replica is caught by the
 * incident's idempotency instead (the same alert changes nothing twice). Thread-safe.
 */
public final class WebhookSignatures {

  public static final String TIMESTAMP_HEADER = "X-Shield-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Shield-Signature";
  /** Signatures remembered at most (each ~100 bytes); only requests with a valid signature are remembered. */
  private static final int REMEMBERED = 100_000;
  private static final String PREFIX = "sha256=";

  /** Why a request was refused: its 401 code and the message for the SIEM's administrator. */
  public static final class Refusal extends RuntimeException {

    private final String code;

    Refusal(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Clock clock;
  /** Accepted signatures, each until its timestamp leaves the window. */
  private final Cache<String, Instant> seen = Caffeine.newBuilder().maximumSize(REMEMBERED)
      .expireAfter(Expiry.<String, Instant>creating((signature, until) -> remaining(until)))
      .build();

  public WebhookSignatures(Clock clock) {
    this.clock = clock;
  }

  /**
   * Checks an HMAC-signed request; returns normally when it is genuine, fresh and new.
   *
   * @throws Refusal with code {@code MissingSignature}, {@code InvalidSignature}, {@code StaleSignature} or
   *                 {@code ReplayedSignature}
   */
  public void verify(byte[] secret, Duration maxSkew, String timestamp, String signature, byte[] body) {
    if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
      throw new Refusal("MissingSignature", "A signed alert needs both headers " + TIMESTAMP_HEADER + " (unix "
          + "seconds) and " + SIGNATURE_HEADER + ": sha256=<hex HMAC-SHA256 of timestamp + \".\" + body>.");
    }
    String seconds = timestamp.strip();
    if (!seconds.matches("[0-9]{1,12}")) {
      throw new Refusal("InvalidSignature", TIMESTAMP_HEADER + " must be the time of signing in unix seconds, "
          + "such as " + clock.instant().getEpochSecond() + ".");
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(seconds));
    Duration off = Duration.between(signedAt, clock.instant()).abs();
    if (off.compareTo(maxSkew) > 0) {
      throw new Refusal("StaleSignature", TIMESTAMP_HEADER + " is " + off.toSeconds() + "s away from the gateway's "
          + "clock; at most " + maxSkew.toSeconds() + "s is accepted. Sign each delivery with the current time, "
          + "and check the sender's clock.");
    }
    String presented = signature.strip();
    if (!presented.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        || !presented.substring(PREFIX.length()).matches("[0-9a-fA-F]{64}")) {
      throw new Refusal("InvalidSignature", SIGNATURE_HEADER + " must be sha256=<64 hex digits>.");
    }
    byte[] expected = hmac(secret, seconds, body);
    byte[] given = HexFormat.of().parseHex(presented.substring(PREFIX.length()));
    if (!MessageDigest.isEqual(expected, given)) {
      throw new Refusal("InvalidSignature", "The signature does not match: sign timestamp + \".\" + the exact "
          + "bytes of the body with HMAC-SHA256 and the webhook secret, and send it hex-encoded as "
          + SIGNATURE_HEADER + ": sha256=<hex>.");
    }
    String key = HexFormat.of().formatHex(given).toLowerCase(Locale.ROOT);
    Instant until = signedAt.plus(maxSkew);
    if (seen.asMap().putIfAbsent(key, until) != null) {
      throw new Refusal("ReplayedSignature", "This signature was already accepted: a SIEM signs each delivery "
          + "anew, with its own timestamp. A replayed request is refused.");
    }
  }

  /**
   * Checks the token of {@code /v1/siem/alerts/hook/<token>}.
   *
   * @throws Refusal with code {@code InvalidWebhookToken}
   */
  public static void verifyToken(byte[] secret, String token) {
    byte[] presented = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(sha256(secret), sha256(presented))) {
      throw new Refusal("InvalidWebhookToken", "The token in the webhook URL is not this model's SIEM webhook "
          + "secret (spec.access.siemWebhook); check the URL configured in the SIEM, or whether the secret was "
          + "rotated.");
    }
  }

  private Duration remaining(Instant until) {
    Duration left = Duration.between(clock.instant(), until);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** HMAC-SHA256 of {@code timestamp + "." + body} with {@code secret}, as a SIEM computes it. */
  public static byte[] hmac(byte[] secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
