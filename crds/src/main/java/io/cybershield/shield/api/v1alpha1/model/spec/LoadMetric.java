package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Per-pod load signal the private-cloud pool is scaled on. */
public enum LoadMetric {
  /** Requests a model pod is working on. */
  @JsonProperty("inflight-requests")
  INFLIGHT_REQUESTS,
  /** Requests waiting in the gateway for a model pod. */
  @JsonProperty("queued-requests")
  QUEUED_REQUESTS,
  /** GPU utilisation in percent. */
  @JsonProperty("gpu-utilization")
  GPU_UTILIZATION
}
