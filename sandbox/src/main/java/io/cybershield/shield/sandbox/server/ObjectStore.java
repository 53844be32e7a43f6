package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The stored objects, filed by resource, then namespace, then name: reading one object is a lookup, listing a
 * namespace touches only that namespace, and a list across namespaces comes out in namespace and name order with
 * no sort. Every write takes the next resourceVersion and goes to the {@link WatchHub}; the {@link Listener}s see it
 * first, so indexes kept elsewhere (owner references) never lag behind the store.
 *
 * <p>Stored objects belong to the store and are never modified after they are filed: callers copy before they
 * change anything. Not thread-safe: the {@link SandboxStore}'s lock guards every call.
 */
final class ObjectStore {

  /**
   * Where an object is filed: {@code resource} is apiVersion and plural ({@code apps/v1/deployments}), the
   * namespace is empty for cluster-scoped objects.
   */
  record Key(String resource, String namespace, String name) {
  }

  /** A filed object and the type it was last written through. */
  record Stored(ResourceType type, ObjectNode object) {
  }

  /** Told of every write ({@code before} null on creation) and removal ({@code after} null). */
  interface Listener {
    void changed(Key key, ObjectNode before, ObjectNode after);
  }

  private final Map<String, NavigableMap<String, NavigableMap<String, Stored>>> byResource = new LinkedHashMap<>();
  private final Map<String, Key> byUid = new HashMap<>();
  private final List<Listener> listeners = new ArrayList<>();
  private final WatchHub hub;
  /** The resourceVersion of the latest write; read without the lock by lists and new watches. */
  private volatile long resourceVersion;

  ObjectStore(WatchHub hub) {
    this.hub = hub;
  }

  void addListener(Listener listener) {
    listeners.add(listener);
  }

  long latestResourceVersion() {
    return resourceVersion;
  }

  static Key key(ResourceType type, String namespace, String name) {
    return new Key(resource(type), type.namespaced() && namespace != null ? namespace : "", name);
  }

  static Key keyOf(ResourceType type, JsonNode object) {
    JsonNode meta = object.path("metadata");
    return key(type, meta.path("namespace").asText(null), meta.path("name").asText());
  }

  private static String resource(ResourceType type) {
    return type.apiVersion() + "/" + type.plural();
  }

  /** The stored object, not a copy; {@code null} when there is none. */
  ObjectNode get(Key key) {
    Stored stored = getStored(key);
    return stored == null ? null : stored.object();
  }

  Stored getStored(Key key) {
    NavigableMap<String, NavigableMap<String, Stored>> namespaces = byResource.get(key.resource());
    NavigableMap<String, Stored> names = namespaces == null ? null : namespaces.get(key.namespace());
    return names == null ? null : names.get(key.name());
  }

  /** Is an object with this uid stored? */
  boolean containsUid(String uid) {
    return byUid.containsKey(uid);
  }

  /**
   * The stored objects of a type (not copies), in one namespace or, with {@code null}, in all of them, ordered by
   * namespace and name.
   */
  List<ObjectNode> list(ResourceType type, String namespace) {
    NavigableMap<String, NavigableMap<String, Stored>> namespaces = byResource.get(resource(type));
    if (namespaces == null) {
      return List.of();
    }
    List<ObjectNode> out = new ArrayList<>();
    if (namespace != null && type.namespaced()) {
      NavigableMap<String, Stored> names = namespaces.get(namespace);
      if (names != null) {
        names.values().forEach(stored -> out.add(stored.object()));
      }
      return out;
    }
    namespaces.values().forEach(names -> names.values().forEach(stored -> out.add(stored.object())));
    return out;
  }

  /** Every stored object in a namespace, of any type. */
  List<Stored> inNamespace(String namespace) {
    List<Stored> out = new ArrayList<>();
    for (NavigableMap<String, NavigableMap<String, Stored>> namespaces : byResource.values()) {
      NavigableMap<String, Stored> names = namespaces.get(namespace);
      if (names != null) {
        out.addAll(names.values());
      }
    }
    return out;
  }

  /**
   * Files an object with the next resourceVersion (written into {@code object} too) and tells listeners and
   * watchers.
   *
   * @return {@code object}, which stays the caller's
   */
  ObjectNode put(ResourceType type, ObjectNode object) {
    long version = resourceVersion + 1;
    resourceVersion = version;
    object.with("metadata").put("resourceVersion", String.valueOf(version));
    ObjectNode stored = object.deepCopy();
    Key key = keyOf(type, stored);
    Stored previous = byResource.computeIfAbsent(key.resource(), r -> new TreeMap<>())
        .computeIfAbsent(key.namespace(), n -> new TreeMap<>())
        .put(key.name(), new Stored(type, stored));
    ObjectNode before = previous == null ? null : previous.object();
    if (before != null) {
      byUid.remove(uid(before));
    }
    byUid.put(uid(stored), key);
    listeners.forEach(listener -> listener.changed(key, before, stored));
    hub.publish(new WatchHub.Change(version, WatchHub.typeKey(type), namespaceOf(key), before, stored));
    return object;
  }

  /**
   * Removes an object; watchers see DELETED with {@code lastState}, stamped with the removal's resourceVersion.
   *
   * @return that last state, or {@code null} when nothing was stored under the key
   */
  ObjectNode remove(ResourceType type, Key key, ObjectNode lastState) {
    NavigableMap<String, NavigableMap<String, Stored>> namespaces = byResource.get(key.resource());
    NavigableMap<String, Stored> names = namespaces == null ? null : namespaces.get(key.namespace());
    Stored removed = names == null ? null : names.remove(key.name());
    if (removed == null) {
      return null;
    }
    if (names.isEmpty()) {
      namespaces.remove(key.namespace());
    }
    byUid.remove(uid(removed.object()));
    long version = resourceVersion + 1;
    resourceVersion = version;
    ObjectNode gone = lastState.deepCopy();
    gone.with("metadata").put("resourceVersion", String.valueOf(version));
    listeners.forEach(listener -> listener.changed(key, removed.object(), null));
    hub.publish(new WatchHub.Change(version, WatchHub.typeKey(type), namespaceOf(key), gone, null));
    return gone;
  }

  private static String namespaceOf(Key key) {
    return key.namespace().isEmpty() ? null : key.namespace();
  }

  private static String uid(JsonNode object) {
    return object.path("metadata").path("uid").asText();
  }
}
