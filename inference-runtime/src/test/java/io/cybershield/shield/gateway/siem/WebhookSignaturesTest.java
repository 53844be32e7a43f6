package io.cybershield.shield.gateway.siem;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignaturesTest {

  private static final byte[] SECRET = SiemOnSandbox.SECRET.getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "{\"system\":\"qradar\",\"alertId\":\"qr-1\",\"severity\":\"high\"}"
      .getBytes(StandardCharsets.UTF_8);
  /**
   * What docs/siem.md's shell example prints for this body at 1733280000:
   * {@code printf '%s' "1733280000.$body" | openssl dgst -sha256 -hmac "$secret"}.
   */
  private static final String OPENSSL = "0f6875b08052f52e37c6d9d8f62d94720d3c6b4324590da38d1f25043fed61f2";
  private static final Duration SKEW = Duration.ofMinutes(5);

  private static WebhookSignatures at(long epochSecond) {
    return new WebhookSignatures(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @Test
  void aSignatureMadeWithOpensslIsAccepted() {
    assertThatCode(() -> at(1733280000L).verify(SECRET, SKEW, "1733280000", "sha256=" + OPENSSL, BODY))
        .doesNotThrowAnyException();
    assertThatCode(() -> at(1733280100L).verify(SECRET, SKEW, "1733280000", "SHA256=" + OPENSSL.toUpperCase(),
        BODY)).as("the prefix and hex digits in either case; 100s off is within 5m").doesNotThrowAnyException();
  }

  @Test
  void theSameSignatureIsRefusedTheSecondTimeWithinTheWindow() {
    WebhookSignatures signatures = at(1733280000L);
    signatures.verify(SECRET, SKEW, "1733280000", "sha256=" + OPENSSL, BODY);

    assertThatThrownBy(() -> signatures.verify(SECRET, SKEW, "1733280000", "sha256=" + OPENSSL, BODY))
        .isInstanceOfSatisfying(WebhookSignatures.Refusal.class,
            r -> assertThat(r.code()).isEqualTo("ReplayedSignature"));
  }

  @Test
  void aTimestampOutsideTheSkewIsStaleEitherWay() {
    assertThatThrownBy(() -> at(1733280301L).verify(SECRET, SKEW, "1733280000", "sha256=" + OPENSSL, BODY))
        .isInstanceOfSatisfying(WebhookSignatures.Refusal.class, r -> {
          assertThat(r.code()).isEqualTo("StaleSignature");
          assertThat(r.getMessage()).contains("301s away").contains("at most 300s");
        });
    assertThatThrownBy(() -> at(1733279699L).verify(SECRET, SKEW, "1733280000", "sha256=" + OPENSSL, BODY))
        .as("from the future too").isInstanceOfSatisfying(WebhookSignatures.Refusal.class,
            r -> assertThat(r.code()).isEqualTo("StaleSignature"));
    assertThatCode(() -> at(1733280300L).verify(SECRET, SKEW, "1733280000", "sha256=" + OPENSSL, BODY))
        .as("exactly the skew is still fresh").doesNotThrowAnyException();
  }

  @Test
  void aSignatureOfAnotherBodyTimestampOrSecretIsInvalid() {
    byte[] other = "{\"system\":\"qradar\",\"alertId\":\"qr-1\",\"severity\":\"low\"}".getBytes(StandardCharsets.UTF_8);
    for (Runnable forged : new Runnable[] {
        () -> at(1733280000L).verify(SECRET, SKEW, "1733280000", "sha256=" + OPENSSL, other),
        () -> at(1733280000L).verify(SECRET, SKEW, "1733280001", "sha256=" + OPENSSL, BODY),
        () -> at(1733280000L).verify("another-secret-of-32-characters!".getBytes(StandardCharsets.UTF_8), SKEW,
            "1733280000", "sha256=" + OPENSSL, BODY)}) {
      assertThatThrownBy(forged::run).isInstanceOfSatisfying(WebhookSignatures.Refusal.class, r -> {
        assertThat(r.code()).isEqualTo("InvalidSignature");
        assertThat(r.getMessage()).contains("timestamp + \".\" + the exact bytes of the body");
      });
    }
  }

  @Test
  void malformedHeadersAreRefusedSayingWhatIsExpected() {
    WebhookSignatures signatures = at(1733280000L);
    assertThatThrownBy(() -> signatures.verify(SECRET, SKEW, null, "sha256=" + OPENSSL, BODY))
        .isInstanceOfSatisfying(WebhookSignatures.Refusal.class, r -> assertThat(r.code()).isEqualTo("MissingSignature"));
    assertThatThrownBy(() -> signatures.verify(SECRET, SKEW, "2024-12-04T02:40:00Z", "sha256=" + OPENSSL, BODY))
        .hasMessageContaining("unix seconds");
    assertThatThrownBy(() -> signatures.verify(SECRET, SKEW, "1733280000", OPENSSL, BODY))
        .hasMessageContaining("sha256=<64 hex digits>");
    assertThatThrownBy(() -> signatures.verify(SECRET, SKEW, "1733280000", "sha256=" + OPENSSL.substring(2), BODY))
        .hasMessageContaining("sha256=<64 hex digits>");
  }

  @Test
  void theTokenInThePathMustBeTheSecretExactly() {
    assertThatCode(() -> WebhookSignatures.verifyToken(SECRET, SiemOnSandbox.SECRET)).doesNotThrowAnyException();
    for (String wrong : new String[] {SiemOnSandbox.SECRET + "x", SiemOnSandbox.SECRET.substring(1), "", null,
        SiemOnSandbox.SECRET.toUpperCase()}) {
      assertThatThrownBy(() -> WebhookSignatures.verifyToken(SECRET, wrong))
          .isInstanceOfSatisfying(WebhookSignatures.Refusal.class,
              r -> assertThat(r.code()).isEqualTo("InvalidWebhookToken"));
    }
  }
}
