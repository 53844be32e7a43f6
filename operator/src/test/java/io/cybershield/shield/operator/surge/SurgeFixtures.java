package io.cybershield.shield.operator.surge;

import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.IncidentPhase;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentSpecBuilder;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentStatusBuilder;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;

/** ShieldModels and ShieldIncidents for the surge tests, a new object on every call. */
final class SurgeFixtures {

  static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private SurgeFixtures() {
  }

  /**
   * The reference threat-intel model (full: 2 x nvidia.com/gpu, lite: 1 x MIG slice; cloud 0..8; floors critical 6,
   * high 3; cooldown 15m) but without a GPU budget, so that tests set the one they need.
   */
  static ShieldModel threatIntel() {
    return Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: threat-intel, namespace: soc, labels: {team: soc, tier: gold}}
        spec:
          model: {uri: "s3://models/threat-intel", version: "v7"}
          variants:
            - {name: full, priorities: [critical, high, normal], gpu: {count: 2, resource: nvidia.com/gpu}}
            - {name: lite, priorities: [low], gpu: {count: 1, resource: nvidia.com/mig-3g.40gb}}
          placement:
            onPrem: {replicas: 2}
            privateCloud: {minReplicas: 0, maxReplicas: 8}
          dataClassification: confidential
          autoscaling:
            incidentSurge: {floors: {critical: 6, high: 3}, cooldown: 15m}
        """, ShieldModel.class);
  }

  /** An incident of namespace soc created at {@link #T0}, expiring after 12h, selecting every model. */
  static ShieldIncident incident(String name, Severity severity) {
    return incident(name, severity, T0, "12h");
  }

  static ShieldIncident incident(String name, Severity severity, Instant created, String expiresAfter) {
    ShieldIncident incident = new ShieldIncident();
    incident.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("soc")
        .withCreationTimestamp(created.toString()).build());
    incident.setSpec(new ShieldIncidentSpecBuilder()
        .withSeverity(severity)
        .withExpiresAfter(expiresAfter)
        .withResolved(false)
        .build());
    return incident;
  }

  static ShieldIncident selecting(ShieldIncident incident, LabelSelector selector) {
    incident.setSpec(new ShieldIncidentSpecBuilder(incident.getSpec()).withModelSelector(selector).build());
    return incident;
  }

  /** Resolved, with the end time the incident reconciler records (null: not recorded yet). */
  static ShieldIncident resolved(ShieldIncident incident, Instant endTime) {
    incident.setSpec(new ShieldIncidentSpecBuilder(incident.getSpec()).withResolved(true).build());
    if (endTime != null) {
      incident.setStatus(new ShieldIncidentStatusBuilder()
          .withPhase(IncidentPhase.Resolved)
          .withEndTime(endTime.toString())
          .build());
    }
    return incident;
  }
}
