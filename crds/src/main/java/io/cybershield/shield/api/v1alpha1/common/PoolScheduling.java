package io.cybershield.shield.api.v1alpha1.common;

import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;

/**
 * Where the pods of a pool may be scheduled. The records that implement it declare both properties as components,
 * with their schema annotations: the CRD generator reads a record's own components.
 */
public interface PoolScheduling {

  /** Node labels the pods require; {@code shield.cybershield.io/pool=<pool>} when {@code null}. */
  Map<String, String> nodeSelector();

  /** Tolerations added to the pods. */
  List<Toleration> tolerations();
}
