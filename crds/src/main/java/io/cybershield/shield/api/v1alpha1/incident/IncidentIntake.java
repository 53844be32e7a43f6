package io.cybershield.shield.api.v1alpha1.incident;

import io.cybershield.shield.api.ShieldNames;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.util.Objects;

/**
 * Raises a ShieldIncident from a SIEM alert, once: the one way an incident is created by a program, shared by the
 * gateway's SIEM webhook and anything else that talks to a SIEM. The alert's system and id name the incident, so
 * a redelivered alert (SIEMs retry) finds the incident it already raised and changes nothing.
 */
public final class IncidentIntake {

  private IncidentIntake() {
  }

  /** What became of an alert: the incident's namespace and name, whether this call created it, and the object. */
  public record Submission(String namespace, String name, boolean created, ShieldIncident incident) {

    /** {@code namespace/name}, as the webhook answers it. */
    public String reference() {
      return namespace + "/" + name;
    }
  }

  /** The ShieldIncident an alert asks for in {@code namespace}, not yet created. */
  public static ShieldIncident incident(String namespace, SiemAlert alert) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(alert, "alert");
    ObjectMetaBuilder metadata = new ObjectMetaBuilder().withNamespace(namespace)
        .addToLabels(ShieldNames.SIEM_LABEL, ShieldNames.labelValue(alert.system()));
    if (alert.alertId() != null) {
      metadata.withName(ShieldNames.incident(alert.system(), alert.alertId()));
    } else {
      metadata.withGenerateName(ShieldNames.incident(alert.system(), "alert") + "-");
    }
    ShieldIncidentSpec spec = new ShieldIncidentSpecBuilder()
        .withSeverity(alert.severity())
        .withSource(new IncidentSource(alert.system(), alert.alertId(), alert.url()))
        .withSummary(alert.summary())
        .withModelSelector(alert.modelSelector().isEmpty() ? null
            : new LabelSelectorBuilder().withMatchLabels(alert.modelSelector()).build())
        .withExpiresAfter(alert.expiresAfter())
        .build();
    ShieldIncident incident = new ShieldIncident();
    incident.setMetadata(metadata.build());
    incident.setSpec(spec);
    return incident;
  }

  /**
   * Creates the alert's incident unless it exists. An existing incident is returned as it is, even when resolved: a
   * SIEM that re-fires an alert id it already sent is redelivering, and a new incident needs a new alert id.
   *
   * @throws IllegalArgumentException when the API server refuses the incident as invalid (422), with its message
   * @throws KubernetesClientException on any other failure (forbidden, unreachable), for the caller to report
   */
  public static Submission submit(KubernetesClient client, String namespace, SiemAlert alert) {
    ShieldIncident wanted = incident(namespace, alert);
    var incidents = client.resources(ShieldIncident.class).inNamespace(namespace);
    try {
      ShieldIncident created = incidents.resource(wanted).create();
      return new Submission(namespace, created.getMetadata().getName(), true, created);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT && wanted.getMetadata().getName() != null) {
        ShieldIncident existing = incidents.withName(wanted.getMetadata().getName()).get();
        if (existing != null) {
          return new Submission(namespace, existing.getMetadata().getName(), false, existing);
        }
      }
      if (e.getCode() == 422) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
            : e.getMessage();
        throw new IllegalArgumentException("the API server refused the incident: " + message, e);
      }
      throw e;
    }
  }
}
