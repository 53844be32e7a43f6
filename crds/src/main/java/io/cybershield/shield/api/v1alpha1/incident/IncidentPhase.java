package io.cybershield.shield.api.v1alpha1.incident;

/** Life cycle of a ShieldIncident. */
public enum IncidentPhase {
  /** The incident raises the floors of the models it selects. */
  Active,
  /** Someone set spec.resolved. */
  Resolved,
  /** spec.expiresAfter passed without resolution. */
  Expired
}
