package io.cybershield.shield.gateway.siem;

import io.cybershield.shield.api.v1alpha1.incident.IncidentIntake;
import io.cybershield.shield.api.v1alpha1.incident.SiemAlert;
import io.cybershield.shield.gateway.api.ApiException;
import io.cybershield.shield.gateway.api.GatewayConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The incidents of the gateway's namespace ({@code shield.gateway.namespace}), as the webhook changes them: each alert
 * through {@link IncidentIntake#submit}, on a worker thread (the client blocks), within
 * {@link SiemConfig#apiTimeout()}. Failures become the webhook's answers: a resolving alert without incident 404
 * {@code IncidentNotFound}, the API server's refusal 422 {@code InvalidIncident} with its message, anything else —
 * forbidden (the gateway's Role lacks a verb), unreachable, too slow, or a gateway run stand-alone with no cluster —
 * 503 {@code IncidentsUnavailable} with Retry-After, which a SIEM retries; never a 500, never a hang.
 */
@Singleton
public class SiemIncidents {

  private static final Logger LOG = Logger.getLogger(SiemIncidents.class);
  static final int RETRY_AFTER_SECONDS = 5;

  @Inject
  GatewayConfig gateway;

  @Inject
  SiemConfig config;

  @Inject
  Instance<KubernetesClient> clients;

  /** Applies {@code alert} to its incident. */
  public Uni<IncidentIntake.Submission> submit(SiemAlert alert) {
    Optional<String> namespace = gateway.routesFile().isPresent() ? Optional.empty() : gateway.namespace();
    if (namespace.isEmpty()) {
      return Uni.createFrom().failure(new ApiException(503, "IncidentsUnavailable", "This gateway runs "
          + "stand-alone, without a cluster to create ShieldIncidents in.", RETRY_AFTER_SECONDS));
    }
    return within(() -> IncidentIntake.submit(clients.get(), namespace.get(), alert), config.apiTimeout());
  }

  /** {@code work} on a worker thread, answered within {@code timeout} whatever it does, its failures mapped. */
  static Uni<IncidentIntake.Submission> within(java.util.function.Supplier<IncidentIntake.Submission> work,
      java.time.Duration timeout) {
    return Uni.createFrom().item(work)
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .ifNoItem().after(timeout).failWith(TimeoutException::new)
        .onFailure().transform(SiemIncidents::answer);
  }

  /** The webhook's answer to a failure of the intake. */
  static ApiException answer(Throwable failure) {
    if (failure instanceof ApiException known) {
      return known;
    }
    if (failure instanceof IncidentIntake.IncidentNotFound notFound) {
      return new ApiException(404, "IncidentNotFound", "The alert resolves the incident " + notFound.namespace()
          + "/" + notFound.name() + ", which does not exist: no firing alert with this id raised one here, or it "
          + "was deleted.", 0);
    }
    if (failure instanceof IllegalArgumentException invalid) {
      return new ApiException(422, "InvalidIncident", capitalise(invalid.getMessage()), 0);
    }
    if (failure instanceof TimeoutException) {
      LOG.warn("the API server did not answer the SIEM webhook's incident request in time");
      return unavailable("The Kubernetes API server did not answer in time.");
    }
    if (failure instanceof KubernetesClientException client && client.getCode() == 403) {
      LOG.warnf("the gateway may not change ShieldIncidents: %s", client.getStatus() == null ? "forbidden"
          : client.getStatus().getMessage());
      return unavailable("The gateway is not allowed to change ShieldIncidents (its Role).");
    }
    LOG.warnf("the SIEM webhook cannot reach the API server: %s (%s)", failure.getClass().getSimpleName(),
        failure instanceof KubernetesClientException client ? "HTTP " + client.getCode() : "no answer");
    return unavailable("The Kubernetes API server cannot be reached.");
  }

  private static ApiException unavailable(String why) {
    return new ApiException(503, "IncidentsUnavailable", why + " Retry: the webhook is idempotent, a retried "
        + "alert never raises a second incident.", RETRY_AFTER_SECONDS);
  }

  private static String capitalise(String text) {
    return text == null || text.isEmpty() ? "The API server refused the incident." :
        Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
