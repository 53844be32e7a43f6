package io.cybershield.shield.gateway.siem;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/** The shapes of alert the webhook reads; {@code ?format=} names one, otherwise {@link #detect} picks it. */
public enum AlertFormat {
  /** Shield's own: {@code {system, alertId, severity, summary?, url?, modelSelector?, expiresAfter?, status?}}. */
  GENERIC,
  /** Splunk's webhook alert action: {@code {sid, search_name, app, owner, results_link, result: {...}}}. */
  SPLUNK,
  /** A Kibana rule's webhook connector with the body template of docs/siem.md: {@code {rule: {...}, alert: {...}}}. */
  ELASTIC;

  /** The format {@code ?format=} names (case-insensitive); empty for an unknown name. */
  public static Optional<AlertFormat> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toUpperCase(Locale.ROOT);
    for (AlertFormat format : values()) {
      if (format.name().equals(wanted)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /**
   * The shape of {@code body}: Splunk's when it has the fields only Splunk's action sends ({@code sid},
   * {@code search_name}, {@code results_link}), Elastic's when it has both a {@code rule} and an {@code alert}
   * object, else the generic one (whose own checks then say what is missing).
   */
  public static AlertFormat detect(JsonNode body) {
    if (body.has("sid") || body.has("search_name") || body.has("results_link")) {
      return SPLUNK;
    }
    if (body.path("rule").isObject() && body.path("alert").isObject()) {
      return ELASTIC;
    }
    return GENERIC;
  }

  /** The name {@code ?format=} takes. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
