package io.cybershield.shield.gateway.djl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code GET /ping}: the pod's health and the status DJL gives each model
 * ({@code {"<model>": {"status": "Healthy"}}}), in DJL's order.
 */
public record PingResult(PodHealth health, Map<String, String> modelStatus) {

  public PingResult {
    modelStatus = Collections.unmodifiableMap(new LinkedHashMap<>(modelStatus));
  }
}
