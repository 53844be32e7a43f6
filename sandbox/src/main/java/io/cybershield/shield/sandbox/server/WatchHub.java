package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Watch fan-out with a bounded history, so a watch that starts from a list's resourceVersion sees every change
 * after it (and one that starts from an expired version gets the 410 a real watch cache sends).
 * Callers hold the store's write lock while publishing and subscribing, which keeps the two gap-free.
 */
final class WatchHub {

  private static final int HISTORY = 20_000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One stored change. {@code before} is null for creation, {@code after} null for removal. */
  record Change(long resourceVersion, String typeKey, String namespace, JsonNode before, JsonNode after) {
  }

  /** A live watch: which objects it wants and where its event lines go. */
  static final class Subscription {
    final String typeKey;
    final String namespace;
    final Predicate<JsonNode> filter;
    final Consumer<ObjectNode> sink;
    volatile boolean open = true;

    Subscription(String typeKey, String namespace, Predicate<JsonNode> filter, Consumer<ObjectNode> sink) {
      this.typeKey = typeKey;
      this.namespace = namespace;
      this.filter = filter;
      this.sink = sink;
    }

    void offer(Change change) {
      if (!open || !typeKey.equals(change.typeKey())
          || (namespace != null && !namespace.equals(change.namespace()))) {
        return;
      }
      boolean before = change.before() != null && filter.test(change.before());
      boolean after = change.after() != null && filter.test(change.after());
      if (before && after) {
        sink.accept(event("MODIFIED", change.after()));
      } else if (after) {
        sink.accept(event("ADDED", change.after()));
      } else if (before) {
        sink.accept(event("DELETED", change.after() != null ? change.after() : change.before()));
      }
    }
  }

  private final Deque<Change> history = new ArrayDeque<>();
  private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();

  static String typeKey(ResourceType type) {
    return type.group() + "/" + type.plural();
  }

  static ObjectNode event(String type, JsonNode object) {
    ObjectNode event = JSON.objectNode();
    event.put("type", type);
    event.set("object", object);
    return event;
  }

  void publish(Change change) {
    history.addLast(change);
    if (history.size() > HISTORY) {
      history.removeFirst();
    }
    subscriptions.forEach(s -> s.offer(change));
  }

  /**
   * Starts a watch. With no resourceVersion (or "0") the current objects arrive first as ADDED events; with a
   * version, every retained change after it is replayed; an expired version gets one ERROR event (410 Expired).
   *
   * @return the subscription, or {@code null} when the watch ended at once (expired)
   */
  Subscription subscribe(Subscription subscription, String resourceVersion, List<JsonNode> current, long latest) {
    if (resourceVersion == null || resourceVersion.isEmpty() || "0".equals(resourceVersion)) {
      for (JsonNode object : current) {
        if (subscription.filter.test(object)) {
          subscription.sink.accept(event("ADDED", object));
        }
      }
    } else {
      long since;
      try {
        since = Long.parseLong(resourceVersion);
      } catch (NumberFormatException e) {
        throw Statuses.badRequest("invalid resource version: " + resourceVersion);
      }
      long oldest = history.isEmpty() ? latest + 1 : history.peekFirst().resourceVersion();
      if (since < oldest - 1 && since < latest) {
        ObjectNode status = Statuses.failure(410, "Expired",
            "too old resource version: " + since + " (" + (oldest - 1) + ")", null);
        subscription.sink.accept(event("ERROR", status));
        return null;
      }
      for (Change change : history) {
        if (change.resourceVersion() > since) {
          subscription.offer(change);
        }
      }
    }
    subscriptions.add(subscription);
    return subscription;
  }

  void unsubscribe(Subscription subscription) {
    subscription.open = false;
    subscriptions.remove(subscription);
  }

  int watchers() {
    return subscriptions.size();
  }
}
