package io.cybershield.shield.operator.events;

import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Kubernetes Events for the decisions a person wants to read later ({@code kubectl describe}): every condition
 * transition of a Shield object becomes one Event, Warning when it goes the bad way. Events are derived from the
 * status change, so a restarted operator does not repeat them.
 */
public final class ModelEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ModelEvents.class);
  public static final String COMPONENT = "shield-operator";
  /** Event reason: the gateways' excess work woke a parked private-cloud pool. */
  public static final String POOL_WOKEN = "PoolWoken";
  /** Event reason: the wake-up lapsed and the private-cloud pool parked again. */
  public static final String POOL_PARKED = "PoolParked";
  private static final String WAKING = "Waking";

  private final Clock clock;

  public ModelEvents(Clock clock) {
    this.clock = clock;
  }

  /** Emits one Event per condition whose status or reason changed between {@code before} and {@code after}. */
  public void conditionTransitions(KubernetesClient client, HasMetadata object, List<Condition> before,
      List<Condition> after) {
    for (Condition now : after) {
      Condition then = before == null ? null : before.stream()
          .filter(c -> Objects.equals(c.type(), now.type())).findFirst().orElse(null);
      if (then != null && Objects.equals(then.status(), now.status())
          && Objects.equals(then.reason(), now.reason())) {
        continue;
      }
      if (WAKING.equals(now.type())) {
        wakeTransition(client, object, then, now);
        continue;
      }
      boolean bad = isBad(now);
      publish(client, object, bad ? "Warning" : "Normal", now.reason(),
          now.type() + "=" + (now.status() == null ? "Unknown" : now.status().value()) + ": " + now.message());
    }
  }

  /**
   * A parked pool woken ({@value #POOL_WOKEN}) or parked again ({@value #POOL_PARKED}): only when the Waking condition
   * changes its status, not when a model first reports its pool parked.
   */
  private void wakeTransition(KubernetesClient client, HasMetadata object, Condition then, Condition now) {
    boolean waking = now.status() != null && "True".equals(now.status().value());
    boolean was = then != null && then.status() != null && "True".equals(then.status().value());
    if (waking != was) {
      publish(client, object, "Normal", waking ? POOL_WOKEN : POOL_PARKED, now.message());
    }
  }

  /** Conditions whose True (or False) state is the one a person must act on. */
  private static boolean isBad(Condition c) {
    String status = c.status() == null ? "Unknown" : c.status().value();
    return switch (c.type()) {
      case "Degraded" -> "True".equals(status);
      case "Surging", "Progressing" -> false;
      default -> "False".equals(status);
    };
  }

  /** Writes one core/v1 Event about {@code object}. Failures are logged, never fail a reconcile. */
  public void publish(KubernetesClient client, HasMetadata object, String type, String reason, String message) {
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    String namespace = object.getMetadata().getNamespace();
    Event event = new EventBuilder()
        .withNewMetadata()
        .withName(object.getMetadata().getName() + "." + Long.toHexString(now.toEpochMilli() * 1000 + now.getNano()
            / 1000 % 1000))
        .withNamespace(namespace)
        .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(object.getApiVersion())
            .withKind(object.getKind()).withName(object.getMetadata().getName()).withNamespace(namespace)
            .withUid(object.getMetadata().getUid()).withResourceVersion(object.getMetadata().getResourceVersion())
            .build())
        .withType(type)
        .withReason(reason)
        .withMessage(truncate(message))
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .withReportingInstance(COMPONENT)
        .withFirstTimestamp(now.truncatedTo(ChronoUnit.SECONDS).toString())
        .withLastTimestamp(now.truncatedTo(ChronoUnit.SECONDS).toString())
        .withCount(1)
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} for {}/{}: {}", reason, namespace, object.getMetadata().getName(),
          e.getMessage());
    }
  }

  private static String truncate(String message) {
    String m = message == null ? "" : message;
    return m.length() > 1024 ? m.substring(0, 1021) + "..." : m;
  }
}
