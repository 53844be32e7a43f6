package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes core/v1 Events the way client-go's recorder does: identical events (same object, type, reason, message,
 * source) are aggregated into one Event whose {@code count} and {@code lastTimestamp} are updated. Writes happen on
 * their own thread so they never slow the controllers down; failures are logged and dropped.
 */
final class EventRecorder {

  private static final int MAX_REMEMBERED = 4096;

  private final KubernetesClient client;
  private final ExecutorService executor;
  private final Clock clock;
  private final Map<String, Event> recent = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Event> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };
  private volatile boolean closed;
  private long lastNanos;

  EventRecorder(KubernetesClient client, ExecutorService executor, Clock clock) {
    this.client = client;
    this.executor = executor;
    this.clock = clock;
  }

  void normal(HasMetadata involved, String reason, String message, String component, String host) {
    record(involved, null, "Normal", reason, message, component, host);
  }

  void warning(HasMetadata involved, String reason, String message, String component, String host) {
    record(involved, null, "Warning", reason, message, component, host);
  }

  void record(HasMetadata involved, String fieldPath, String type, String reason, String message, String component,
              String host) {
    if (closed || involved == null || involved.getMetadata() == null) {
      return;
    }
    ObjectReference ref = new ObjectReferenceBuilder()
        .withApiVersion(involved.getApiVersion())
        .withKind(involved.getKind())
        .withNamespace(involved.getMetadata().getNamespace())
        .withName(involved.getMetadata().getName())
        .withUid(involved.getMetadata().getUid())
        .withResourceVersion(involved.getMetadata().getResourceVersion())
        .withFieldPath(fieldPath)
        .build();
    try {
      executor.execute(() -> write(ref, type, reason, message, component, host));
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void write(ObjectReference ref, String type, String reason, String message, String component,
                     String host) {
    if (closed) {
      return;
    }
    String namespace = ref.getNamespace() == null || ref.getNamespace().isEmpty() ? "default" : ref.getNamespace();
    String aggregationKey = aggregationKey(ref, type, reason, message, component, host);
    String now = Times.format(clock.instant());
    Event previous;
    synchronized (recent) {
      previous = recent.get(aggregationKey);
    }
    try {
      if (previous != null) {
        Event next = SimContext.copy(previous);
        next.setCount(previous.getCount() == null ? 2 : previous.getCount() + 1);
        next.setLastTimestamp(now);
        try {
          Event updated = client.v1().events().inNamespace(namespace).resource(next).update();
          synchronized (recent) {
            recent.put(aggregationKey, updated);
          }
          return;
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404 && e.getCode() != 409) {
            throw e;
          }
        }
      }
      java.time.Instant at = clock.instant();
      long nanos = Math.max(at.getEpochSecond() * 1_000_000_000L + at.getNano(), lastNanos + 1);
      lastNanos = nanos;
      Event event = new EventBuilder()
          .withNewMetadata()
          .withName(ref.getName() + "." + Long.toHexString(nanos))
          .withNamespace(namespace)
          .endMetadata()
          .withInvolvedObject(ref)
          .withType(type)
          .withReason(reason)
          .withMessage(message)
          .withNewSource().withComponent(component).withHost(host).endSource()
          .withFirstTimestamp(now)
          .withLastTimestamp(now)
          .withCount(1)
          .withReportingComponent(component)
          .withReportingInstance(host == null ? component : component + "-" + host)
          .build();
      Event created = client.v1().events().inNamespace(namespace).resource(event).create();
      synchronized (recent) {
        recent.put(aggregationKey, created);
      }
    } catch (KubernetesClientException e) {
      if (!closed) {
        SimContext.LOG.debug("could not record event {} for {}/{}: {}", reason, namespace, ref.getName(),
            e.getMessage());
      }
    }
  }

  private static String aggregationKey(ObjectReference ref, String type, String reason, String message,
                                       String component, String host) {
    return String.join("\u0000", String.valueOf(ref.getUid()), String.valueOf(ref.getFieldPath()), type, reason,
        message, component, String.valueOf(host));
  }

  /** Remembers existing events of the given components, so a restarted simulator updates them instead. */
  void prime(java.util.Collection<Event> existing, java.util.Set<String> components) {
    synchronized (recent) {
      for (Event e : existing) {
        if (e.getSource() == null || !components.contains(e.getSource().getComponent())
            || e.getInvolvedObject() == null) {
          continue;
        }
        String key = aggregationKey(e.getInvolvedObject(), e.getType(), e.getReason(), e.getMessage(),
            e.getSource().getComponent(), e.getSource().getHost());
        Event known = recent.get(key);
        if (known == null || String.valueOf(known.getLastTimestamp()).compareTo(String.valueOf(e.getLastTimestamp()))
            < 0) {
          recent.put(key, e);
        }
      }
    }
  }

  void close() {
    closed = true;
  }
}
