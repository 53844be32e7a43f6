package io.cybershield.shield.api.v1alpha1.incident;

import io.cybershield.shield.api.v1alpha1.common.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A SIEM alert, normalised: what a generic, Splunk or Elastic alert becomes before it is a ShieldIncident. The
 * checks here are the CRD's, made early so that a caller (the gateway's webhook) can answer a bad alert with a clear
 * 4xx instead of passing on the API server's refusal.
 *
 * @param system        the SIEM's name (splunk, elastic, …), 1 to 63 characters
 * @param alertId       the SIEM's id of the alert, at most 256 characters; {@code null} when the SIEM sends none (the
 *                      incident then gets a generated name, and a redelivery raises a second one)
 * @param url           link to the alert in the SIEM ({@code http} or {@code https}), or {@code null}
 * @param severity      the incident's severity
 * @param summary       one line for people, or {@code null}; longer than 2048 characters it is cut there
 * @param modelSelector labels a ShieldModel must carry to surge ({@code matchLabels}); empty or {@code null}: all
 *                      models of the namespace
 * @param expiresAfter  a duration such as {@code 12h}, or {@code null} for the CRD's default
 * @param resolved      whether the SIEM says the alert is over (Splunk's closed notable, Kibana's recovered alert):
 *                      it then resolves the incident it raised, needs its alert id, and may come without a severity
 */
public record SiemAlert(String system, String alertId, String url, Severity severity, String summary,
                        Map<String, String> modelSelector, String expiresAfter, boolean resolved) {

  static final int MAX_SUMMARY = 2048;
  private static final Pattern URL = Pattern.compile("^https?://[^ ]+$");
  private static final Pattern DURATION = Pattern.compile("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$");

  public SiemAlert {
    if (system == null || system.isBlank() || system.length() > 63) {
      throw new IllegalArgumentException("the alert's system (the SIEM's name) must be 1 to 63 characters, got "
          + (system == null ? "none" : "\"" + abbreviate(system) + "\""));
    }
    if (alertId != null && (alertId.isBlank() || alertId.length() > 256)) {
      throw new IllegalArgumentException("the alert id must be 1 to 256 characters, got \"" + abbreviate(alertId)
          + "\"");
    }
    if (url != null && (url.length() > 2048 || !URL.matcher(url).matches())) {
      throw new IllegalArgumentException("the alert's url must be an http or https link of at most 2048 characters,"
          + " got \"" + abbreviate(url) + "\"");
    }
    if (severity == null && !resolved) {
      throw new IllegalArgumentException("the alert needs a severity: critical, high, medium or low");
    }
    if (resolved && alertId == null) {
      throw new IllegalArgumentException("a resolving alert needs the alert id of the alert it resolves");
    }
    if (summary != null && summary.length() > MAX_SUMMARY) {
      summary = summary.substring(0, MAX_SUMMARY - 1) + "…";
    }
    if (expiresAfter != null && (expiresAfter.length() > 32 || !DURATION.matcher(expiresAfter).matches())) {
      throw new IllegalArgumentException("expiresAfter must be a duration such as 30m, 12h or 1h30m, got \""
          + abbreviate(expiresAfter) + "\"");
    }
    modelSelector = modelSelector == null ? Map.of() : Map.copyOf(modelSelector);
  }

  /** A firing alert: it raises (or, redelivered, finds) its incident. */
  public SiemAlert(String system, String alertId, String url, Severity severity, String summary,
      Map<String, String> modelSelector, String expiresAfter) {
    this(system, alertId, url, severity, summary, modelSelector, expiresAfter, false);
  }

  /**
   * A severity from a SIEM's own words: Shield's four (any case), Splunk's urgency levels and Elastic's severities
   * are the same words; {@code informational} and {@code info} are refused, since an alert of that kind calls for no
   * capacity.
   */
  public static Severity severity(String word) {
    if (word == null || word.isBlank()) {
      throw new IllegalArgumentException("the alert needs a severity: critical, high, medium or low");
    }
    return switch (word.trim().toLowerCase(Locale.ROOT)) {
      case "critical" -> Severity.CRITICAL;
      case "high" -> Severity.HIGH;
      case "medium" -> Severity.MEDIUM;
      case "low" -> Severity.LOW;
      case "informational", "info" -> throw new IllegalArgumentException("an informational alert raises no "
          + "incident: its severity must be critical, high, medium or low");
      default -> throw new IllegalArgumentException("unknown severity \"" + abbreviate(word)
          + "\": use critical, high, medium or low");
    };
  }

  /** A severity from an Elastic-style risk score (0–100), in Elastic's bands: 74 and up is critical, 48 high, 22 medium. */
  public static Severity severity(int riskScore) {
    if (riskScore < 0 || riskScore > 100) {
      throw new IllegalArgumentException("a risk score is between 0 and 100, got " + riskScore);
    }
    return riskScore >= 74 ? Severity.CRITICAL : riskScore >= 48 ? Severity.HIGH
        : riskScore >= 22 ? Severity.MEDIUM : Severity.LOW;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
