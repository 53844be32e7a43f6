package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Per-pod load signal the private-cloud pool is scaled on. */
public enum LoadMetric {
  /** Requests a model pod is working on. */
  @JsonProperty("inflight-requests")
  INFLIGHT_REQUESTS,
  /**
   * Requests beyond what the variant's ready pods take at once, which wait in their engines' queues: the gateway's
   * {@code shield_gateway_queued_requests}.
   */
  @JsonProperty("queued-requests")
  QUEUED_REQUESTS,
  /** GPU utilisation in percent. */
  @JsonProperty("gpu-utilization")
  GPU_UTILIZATION
}
