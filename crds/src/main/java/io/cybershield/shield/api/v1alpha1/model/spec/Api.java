package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of the gateway API a role may call. */
public enum Api {
  /** POST /v1/generate. */
  @JsonProperty("generate")
  GENERATE,
  /** POST /v1/chat/completions. */
  @JsonProperty("chat")
  CHAT,
  /** POST /v1/triage. */
  @JsonProperty("triage")
  TRIAGE,
  /** POST /v1/awareness/email. */
  @JsonProperty("awareness")
  AWARENESS,
  /** POST /v1/siem/alerts, which creates ShieldIncidents. */
  @JsonProperty("incidents")
  INCIDENTS,
  /** POST /v1/guard/screen and POST /v1/guard/redact, the guards on their own. */
  @JsonProperty("guard")
  GUARD
}
