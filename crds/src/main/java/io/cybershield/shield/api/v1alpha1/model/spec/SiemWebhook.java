package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.GoDurations;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.time.Duration;

/**
 * The SIEM webhook's shared secret, for SIEMs that cannot send a bearer token (Splunk's webhook alert action sets no
 * headers): the operator mounts the Secret into the gateway, which then also accepts {@code POST /v1/siem/alerts}
 * signed with it (HMAC-SHA256 over a timestamp and the body) or {@code POST /v1/siem/alerts/hook/<secret>}. Such a
 * caller may raise and resolve incidents and nothing else. The Secret is mounted, never read through the API, so the
 * gateway holds no permission on Secrets; a changed Secret is picked up without a restart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "secretName", "key", "maxClockSkew" })
public record SiemWebhook(
    @Required
    @Size(min = 1, max = 253)
    @Pattern(ApiValidation.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Secret in the model's namespace holding the webhook's shared secret (at least 16 "
        + "characters; a trailing newline is ignored).")
    String secretName,

    @Default("\"" + DEFAULT_KEY + "\"")
    @Size(min = 1, max = 253)
    @Pattern("^[-._a-zA-Z0-9]+$")
    @JsonPropertyDescription("The key of the Secret's data that holds the shared secret. Defaults to token.")
    String key,

    @Default("\"" + DEFAULT_MAX_CLOCK_SKEW + "\"")
    @Size(max = 32)
    @Pattern(ApiValidation.DURATION)
    @ValidationRule(value = "duration(self) >= duration('1s') && duration(self) <= duration('1h')",
        message = "maxClockSkew must be between 1s and 1h")
    @JsonPropertyDescription("How far the X-Shield-Timestamp of a signed alert may be from the gateway's clock, either "
        + "way, as a Go duration; a signature is also refused when it was already seen within this window (replay). "
        + "Between 1s and 1h; defaults to 5m.")
    String maxClockSkew) {

  /** The Secret key read when {@code key} is not set. */
  public static final String DEFAULT_KEY = "token";
  /** The clock skew accepted when {@code maxClockSkew} is not set. */
  public static final String DEFAULT_MAX_CLOCK_SKEW = "5m";

  /** The Secret's key, defaulted. */
  public String keyOrDefault() {
    return key == null || key.isBlank() ? DEFAULT_KEY : key;
  }

  /** The accepted clock skew, defaulted; an unparsable value (the CRD refuses those) counts as the default. */
  public Duration maxClockSkewOrDefault() {
    Duration fallback = GoDurations.parse(DEFAULT_MAX_CLOCK_SKEW);
    return maxClockSkew == null ? fallback : GoDurations.parseOr(maxClockSkew, fallback);
  }
}
