package io.cybershield.shield.api.v1alpha1.incident;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.net.HttpURLConnection;
import java.util.Objects;

/**
 * Applies a SIEM alert to its ShieldIncident — raises it once, raises its severity, resolves it: the one way a
 * program changes incidents, shared by the gateway's SIEM webhook and anything else that talks to a SIEM. The
 * alert's system and id name the incident, so a redelivered alert (SIEMs retry) finds the incident it already raised
 * and changes nothing. It needs get, create and patch on shieldincidents, nothing more.
 */
public final class IncidentIntake {

  private IncidentIntake() {
  }

  /**
   * What became of an alert: the incident's namespace and name, whether this call created it, whether it changed an
   * incident that already existed (raised its severity, or resolved it), whether the incident is now resolved, and
   * the object as the API server returned it.
   */
  public record Submission(String namespace, String name, boolean created, boolean updated, boolean resolved,
                           ShieldIncident incident) {

    /** {@code namespace/name}, as the webhook answers it. */
    public String reference() {
      return namespace + "/" + name;
    }
  }

  /** A resolving alert names an incident that does not exist: nothing was raised for it, or it was deleted. */
  public static final class IncidentNotFound extends RuntimeException {

    private final String namespace;
    private final String name;

    IncidentNotFound(String namespace, String name) {
      super("no ShieldIncident " + namespace + "/" + name + " to resolve: the alert never raised one here, or it "
          + "was deleted", null, false, false);
      this.namespace = namespace;
      this.name = name;
    }

    public String namespace() {
      return namespace;
    }

    public String name() {
      return name;
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
   * Applies an alert to its incident, idempotently, so that a SIEM may redeliver any alert any number of times:
   * <ul>
   * <li>a firing alert creates its incident; when the incident exists (a redelivery, or the same alert firing again)
   * it is returned as it is ({@code created: false}) — except that an active incident of a lower severity than the
   * alert is raised to the alert's severity ({@code updated: true}), since the surge must follow the worst news;</li>
   * <li>a resolving alert sets {@code spec.resolved: true} on its incident ({@code updated: true} the first time);</li>
   * <li>a resolved (or expired) incident is never reopened or raised: a new incident needs a new alert id. The CRD
   * refuses reopening too.</li>
   * </ul>
   * Changes are merge patches that carry the resourceVersion they were decided on, so two replicas of the gateway
   * (or a person with kubectl) changing the same incident at once cannot undo each other: the loser re-reads and
   * decides again.
   *
   * @throws IncidentNotFound         when a resolving alert has no incident
   * @throws IllegalArgumentException when the API server refuses the incident as invalid (422), with its message
   * @throws KubernetesClientException on any other failure (forbidden, unreachable), for the caller to report
   */
  public static Submission submit(KubernetesClient client, String namespace, SiemAlert alert) {
    ShieldIncident wanted = incident(namespace, alert);
    var incidents = client.resources(ShieldIncident.class).inNamespace(namespace);
    try {
      for (int attempt = 0; ; attempt++) {
        Submission done = alert.resolved() ? resolve(incidents, namespace, wanted.getMetadata().getName())
            : fire(incidents, namespace, wanted, alert);
        if (done != null) {
          return done;
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new KubernetesClientException("the incident " + namespace + "/" + wanted.getMetadata().getName()
              + " kept changing while the alert was applied; retry", HttpURLConnection.HTTP_CONFLICT, null);
        }
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == HTTP_UNPROCESSABLE) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
            : e.getMessage();
        throw new IllegalArgumentException("the API server refused the incident: " + message, e);
      }
      throw e;
    }
  }

  private static final int HTTP_UNPROCESSABLE = 422;
  /** How often a change that lost a race is decided again before the caller is told to retry. */
  private static final int MAX_ATTEMPTS = 4;

  private static Submission fire(NonNamespaceOperation<ShieldIncident, KubernetesResourceList<ShieldIncident>, 
      Resource<ShieldIncident>> incidents, String namespace, ShieldIncident wanted, SiemAlert alert) {
    try {
      ShieldIncident created = incidents.resource(wanted).create();
      return new Submission(namespace, created.getMetadata().getName(), true, false, false, created);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || wanted.getMetadata().getName() == null) {
        throw e;
      }
    }
    String name = wanted.getMetadata().getName();
    ShieldIncident existing = incidents.withName(name).get();
    if (existing == null) {
      return null; // deleted since: create it again
    }
    if (resolved(existing) || expired(existing) || !lessSevere(existing.getSpec().severity(), alert.severity())) {
      return new Submission(namespace, name, false, false, resolved(existing), existing);
    }
    ShieldIncident raised = patch(incidents, existing, "{\"severity\": \""
        + alert.severity().name().toLowerCase(java.util.Locale.ROOT) + "\"}");
    return raised == null ? null : new Submission(namespace, name, false, true, false, raised);
  }

  private static Submission resolve(NonNamespaceOperation<ShieldIncident, KubernetesResourceList<ShieldIncident>, 
      Resource<ShieldIncident>> incidents, String namespace, String name) {
    ShieldIncident existing = incidents.withName(name).get();
    if (existing == null) {
      throw new IncidentNotFound(namespace, name);
    }
    if (resolved(existing)) {
      return new Submission(namespace, name, false, false, true, existing);
    }
    ShieldIncident resolved = patch(incidents, existing, "{\"resolved\": true}");
    return resolved == null ? null : new Submission(namespace, name, false, true, true, resolved);
  }

  /** A merge patch of {@code spec} made on the version read; null when the incident changed meanwhile. */
  private static ShieldIncident patch(NonNamespaceOperation<ShieldIncident, KubernetesResourceList<ShieldIncident>, 
      Resource<ShieldIncident>> incidents, ShieldIncident existing, String spec) {
    String body = "{\"metadata\": {\"resourceVersion\": \"" + existing.getMetadata().getResourceVersion()
        + "\"}, \"spec\": " + spec + "}";
    try {
      return incidents.withName(existing.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), body);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private static boolean resolved(ShieldIncident incident) {
    return incident.getSpec() != null && Boolean.TRUE.equals(incident.getSpec().resolved());
  }

  private static boolean expired(ShieldIncident incident) {
    return incident.getStatus() != null && incident.getStatus().phase() == IncidentPhase.Expired;
  }

  /** Whether {@code current} is less severe than {@code alert} (the enum runs from critical down to low). */
  private static boolean lessSevere(Severity current, Severity alert) {
    return current == null || alert != null && alert.ordinal() < current.ordinal();
  }
}
