package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kinds of Kubernetes subjects, as in RBAC. */
public enum SubjectKind {
  @JsonProperty("User")
  USER,
  @JsonProperty("Group")
  GROUP,
  @JsonProperty("ServiceAccount")
  SERVICE_ACCOUNT
}
