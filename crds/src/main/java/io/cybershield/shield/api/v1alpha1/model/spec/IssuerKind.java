package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kinds of cert-manager issuers. */
public enum IssuerKind {
  @JsonProperty("Issuer")
  ISSUER,
  @JsonProperty("ClusterIssuer")
  CLUSTER_ISSUER
}
