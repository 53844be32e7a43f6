package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.FieldError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.zjsonpatch.JsonPatch;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The sandbox's storage and write semantics, built on fabric8's CRUD dispatcher (its attribute-indexed store,
 * resourceVersion counter and CRD bookkeeping). On top of it this class answers the way a real kube-apiserver does
 * for what Shield and its users touch: create/update/patch/apply/delete codes and Status bodies, status
 * subresource and generation rules, optimistic concurrency, finalizers, owner-reference garbage collection,
 * namespaces, admission of custom resources and watches with history.
 */
public final class SandboxStore extends KubernetesCrudDispatcher {

  /** An answer to a non-watch request. */
  public record Reply(int code, JsonNode body, List<String> warnings) {
    static Reply of(int code, JsonNode body) {
      return new Reply(code, body, List.of());
    }
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String CRD_GROUP = "apiextensions.k8s.io";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
  private static final Set<String> STATUS_RESET_ON_CREATE = Set.of("deployments", "replicasets", "statefulsets",
      "daemonsets", "jobs", "cronjobs", "horizontalpodautoscalers", "poddisruptionbudgets", "ingresses");

  private final ReentrantLock lock = new ReentrantLock();
  private final ResourceRegistry registry;
  private final WatchHub hub = new WatchHub();
  private final Clock clock;
  private final ObjectMapper json = Serialization.jsonMapper();
  private final ObjectMapper yaml = Serialization.yamlMapper();
  /**
   * Where each stored object sits in fabric8's attribute-keyed map, so that reading one object is a lookup and not
   * a scan of the whole store.
   */
  private final Map<String, AttributeSet> keyIndex = new java.util.HashMap<>();
  /** Parsed form of each stored JSON string (identity of the stored value), dropped when the value is replaced. */
  private final Map<String, ObjectNode> parsedObjects = new java.util.IdentityHashMap<>();
  private volatile long lastResourceVersion;
  private volatile CustomResourceAdmission admission;
  private volatile FieldOwnership fieldOwnership;

  public SandboxStore(ResourceRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  public void setAdmission(CustomResourceAdmission admission) {
    this.admission = admission;
  }

  public void setFieldOwnership(FieldOwnership fieldOwnership) {
    this.fieldOwnership = fieldOwnership;
  }

  public ResourceRegistry registry() {
    return registry;
  }

  /** The resourceVersion of the latest write (what lists and new watches start from); reading it uses none up. */
  public long latestResourceVersion() {
    return lastResourceVersion;
  }

  @Override
  public long requestResourceVersion() {
    long version = super.requestResourceVersion();
    lastResourceVersion = version;
    return version;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Request entry points

  /**
   * Serves one resource request (everything but watches).
   *
   * @param contentType the request's Content-Type, for bodies
   */
  public Reply serve(String method, RequestPath path, ResourceType type, String contentType, byte[] body,
      String userAgent) {
    lock.lock();
    try {
      return switch (method) {
        case "GET" -> path.name() == null ? list(type, path) : read(type, path);
        case "POST" -> {
          if (path.name() != null) {
            throw Statuses.methodNotAllowed("create", type);
          }
          yield create(type, path, parseBody(contentType, body, false), manager(path, userAgent));
        }
        case "PUT" -> update(type, path, parseBody(contentType, body, false), manager(path, userAgent));
        case "PATCH" -> patch(type, path, contentType, body, userAgent);
        case "DELETE" -> path.name() == null ? deleteCollection(type, path, body) : delete(type, path, body);
        default -> throw Statuses.methodNotAllowed(method.toLowerCase(), type);
      };
    } finally {
      lock.unlock();
    }
  }

  /** Starts a watch; events go to {@code sink} until {@link #stopWatch} is called. */
  public WatchHub.Subscription watch(ResourceType type, RequestPath path, Consumer<ObjectNode> sink) {
    lock.lock();
    try {
      Predicate<JsonNode> filter = Selectors.labels(path.param("labelSelector"))
          .and(Selectors.fields(path.param("fieldSelector")));
      WatchHub.Subscription subscription = new WatchHub.Subscription(WatchHub.typeKey(type), path.namespace(),
          filter, sink);
      List<JsonNode> current = new ArrayList<>(objects(type, path.namespace()));
      return hub.subscribe(subscription, path.param("resourceVersion"), current, latestResourceVersion());
    } finally {
      lock.unlock();
    }
  }

  public void stopWatch(WatchHub.Subscription subscription) {
    hub.unsubscribe(subscription);
  }

  public String currentResourceVersion() {
    return String.valueOf(latestResourceVersion());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reads

  private Reply read(ResourceType type, RequestPath path) {
    ObjectNode object = require(type, path);
    if ("scale".equals(path.subresource())) {
      return Reply.of(200, scale(type, object));
    }
    return Reply.of(200, object);
  }

  private Reply list(ResourceType type, RequestPath path) {
    Predicate<JsonNode> filter = Selectors.labels(path.param("labelSelector"))
        .and(Selectors.fields(path.param("fieldSelector")));
    ObjectNode list = JSON.objectNode();
    list.put("apiVersion", type.apiVersion());
    list.put("kind", type.listKind());
    list.putObject("metadata").put("resourceVersion", currentResourceVersion());
    ArrayNode items = list.putArray("items");
    for (ObjectNode object : objects(type, path.namespace())) {
      if (filter.test(object)) {
        items.add(object);
      }
    }
    return Reply.of(200, list);
  }

  /** A snapshot of the stored objects of a type, optionally in one namespace, ordered by namespace and name. */
  public List<ObjectNode> objects(ResourceType type, String namespace) {
    lock.lock();
    try {
      AttributeSet query = attributeExtractor.fromPath(collectionPath(type, namespace));
      List<ObjectNode> out = new ArrayList<>();
      synchronized (map) {
        for (Map.Entry<AttributeSet, String> entry : map.entrySet()) {
          if (entry.getKey().matches(query)) {
            ObjectNode object = parse(entry.getValue());
            if (type.apiVersion().equals(object.path("apiVersion").asText())
                && type.kind().equals(object.path("kind").asText())) {
              out.add(onRead(type, object));
            }
          }
        }
      }
      out.sort((a, b) -> {
        int ns = a.path("metadata").path("namespace").asText().compareTo(b.path("metadata").path("namespace").asText());
        return ns != 0 ? ns : a.path("metadata").path("name").asText().compareTo(b.path("metadata").path("name").asText());
      });
      return out;
    } finally {
      lock.unlock();
    }
  }

  private ObjectNode onRead(ResourceType type, ObjectNode object) {
    CustomResourceAdmission admit = admission;
    return type.isCustom() && admit != null ? admit.onRead(type, object) : object;
  }

  private ObjectNode find(ResourceType type, String namespace, String name) {
    Map.Entry<AttributeSet, String> entry = entry(type, namespace, name);
    return entry == null ? null : onRead(type, parse(entry.getValue()));
  }

  private Map.Entry<AttributeSet, String> entry(ResourceType type, String namespace, String name) {
    AttributeSet key = keyIndex.get(indexKey(type, namespace, name));
    String value = key == null ? null : map.get(key);
    return value == null ? null : new java.util.AbstractMap.SimpleImmutableEntry<>(key, value);
  }

  /** The index of {@link #keyIndex}: one stored object of a type. */
  private static String indexKey(ResourceType type, String namespace, String name) {
    return type.apiVersion() + "/" + type.plural() + "/" + (type.namespaced() ? namespace : "") + "/" + name;
  }

  private ObjectNode require(ResourceType type, RequestPath path) {
    ObjectNode object = find(type, path.namespace(), path.name());
    if (object == null) {
      throw Statuses.notFound(type, path.name());
    }
    return object;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Writes

  private Reply create(ResourceType type, RequestPath path, ObjectNode object, String manager) {
    ObjectNode created = prepareCreate(type, path, object);
    List<String> warnings = new ArrayList<>();
    created = admit(type, created, null, false, path, CustomResourceAdmission.Write.OBJECT, warnings);
    if (fieldOwnership != null) {
      created = fieldOwnership.update(type, null, created, manager, false);
    }
    if (!path.query().containsKey("dryRun")) {
      created = store(type, null, created);
    }
    return new Reply(201, created, warnings);
  }

  private ObjectNode prepareCreate(ResourceType type, RequestPath path, ObjectNode object) {
    checkKind(type, object);
    ObjectNode meta = object.with("metadata");
    String namespace = path.namespace();
    if (type.namespaced()) {
      if (namespace == null) {
        throw Statuses.badRequest("the server could not find the requested resource");
      }
      String bodyNamespace = meta.path("namespace").asText("");
      if (!bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
        throw Statuses.badRequest(
            "the namespace of the provided object does not match the namespace sent on the request");
      }
      meta.put("namespace", namespace);
      requireNamespace(type, meta.path("name").asText(""), namespace);
    } else {
      meta.remove("namespace");
    }
    String name = meta.path("name").asText("");
    if (name.isEmpty()) {
      String generateName = meta.path("generateName").asText("");
      if (generateName.isEmpty()) {
        throw Statuses.invalid(type.kind(), type.group(), "",
            FieldError.required("metadata.name", "name or generateName is required"));
      }
      do {
        name = generateName + randomSuffix();
      } while (find(type, namespace, name) != null);
      meta.put("name", name);
    }
    if (find(type, namespace, name) != null) {
      throw Statuses.alreadyExists(type, name);
    }
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("creationTimestamp", now());
    meta.remove("deletionTimestamp");
    meta.remove("deletionGracePeriodSeconds");
    meta.remove("resourceVersion");
    meta.remove("managedFields");
    if (type.tracksGeneration()) {
      meta.put("generation", 1);
    } else {
      meta.remove("generation");
    }
    if (type.isCustom() && type.statusSubresource()) {
      object.remove("status");
    } else if (!type.isCustom() && STATUS_RESET_ON_CREATE.contains(type.plural())) {
      object.putObject("status");
    }
    BuiltinDefaults.onCreate(type, object);
    return object;
  }

  private Reply update(ResourceType type, RequestPath path, ObjectNode body, String manager) {
    if ("scale".equals(path.subresource())) {
      return updateScale(type, path, body.path("spec").path("replicas"), manager);
    }
    ObjectNode live = require(type, path);
    checkKind(type, body);
    checkName(path, body);
    String resourceVersion = body.path("metadata").path("resourceVersion").asText("");
    if (resourceVersion.isEmpty()) {
      throw Statuses.invalid(type.plural(), type.group(), path.name(),
          FieldError.invalidRaw("metadata.resourceVersion", "0x0", "must be specified for an update"));
    }
    if (!resourceVersion.equals(live.path("metadata").path("resourceVersion").asText())) {
      throw Statuses.conflict(type, path.name());
    }
    List<String> warnings = new ArrayList<>();
    ObjectNode result = commit(type, path, live, body, manager, CustomResourceAdmission.Write.OBJECT, warnings);
    return new Reply(200, result, warnings);
  }

  private Reply patch(ResourceType type, RequestPath path, String contentType, byte[] body, String userAgent) {
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!mediaType.equals("application/apply-patch+yaml") && path.query().containsKey("force")) {
      throw Statuses.invalid("PatchOptions", "meta.k8s.io", "",
          FieldError.forbidden("force", "may not be specified for non-apply patch"));
    }
    if (mediaType.equals("application/apply-patch+yaml")) {
      return apply(type, path, body);
    }
    ObjectNode live = require(type, path);
    if ("scale".equals(path.subresource())) {
      JsonNode patched = applyPatch(type, mediaType, scale(type, live), body);
      return updateScale(type, path, patched.path("spec").path("replicas"), manager(path, userAgent));
    }
    JsonNode patched = applyPatch(type, mediaType, live, body);
    if (!patched.isObject()) {
      throw Statuses.badRequest("the patch did not produce an object");
    }
    ObjectNode candidate = (ObjectNode) patched;
    String patchVersion = candidate.path("metadata").path("resourceVersion").asText("");
    if (!patchVersion.isEmpty() && !patchVersion.equals(live.path("metadata").path("resourceVersion").asText())) {
      throw Statuses.conflict(type, path.name());
    }
    checkName(path, candidate);
    List<String> warnings = new ArrayList<>();
    ObjectNode result = commit(type, path, live, candidate, manager(path, userAgent),
        CustomResourceAdmission.Write.PATCH, warnings);
    return new Reply(200, result, warnings);
  }

  private JsonNode applyPatch(ResourceType type, String mediaType, JsonNode live, byte[] body) {
    JsonNode patch = parseJson(body);
    switch (mediaType) {
      case "application/json-patch+json":
        try {
          return JsonPatch.apply(patch, live);
        } catch (RuntimeException e) {
          throw Statuses.invalid("", "", "", FieldError.invalid("patch", patch.toString(), e.getMessage()));
        }
      case "application/merge-patch+json":
        return Patches.mergePatch(live, patch);
      case "application/strategic-merge-patch+json":
        if (type.isCustom()) {
          throw Statuses.unsupportedMediaType(
              "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
        }
        return Patches.strategicMergePatch(live, patch);
      default:
        throw Statuses.unsupportedMediaType(type.isCustom()
            ? "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
            : "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, "
                + "application/apply-patch+yaml");
    }
  }

  private Reply apply(ResourceType type, RequestPath path, byte[] body) {
    String manager = path.param("fieldManager");
    if (manager == null || manager.isEmpty()) {
      throw Statuses.invalid("PatchOptions", "meta.k8s.io", "",
          FieldError.required("fieldManager", "is required for apply patch"));
    }
    if (fieldOwnership == null) {
      throw Statuses.unsupportedMediaType(
          "application/json-patch+json, application/merge-patch+json");
    }
    ObjectNode applied = parseBody("application/yaml", body, true);
    checkKind(type, applied);
    checkName(path, applied);
    boolean force = path.flag("force");
    ObjectNode live = find(type, path.namespace(), path.name());
    List<String> warnings = new ArrayList<>();
    if (live == null) {
      if (path.isStatus()) {
        throw Statuses.notFound(type, path.name());
      }
      // the applier owns what it applied, not the defaults the server adds to a new object
      ObjectNode owned = fieldOwnership.apply(type, null, applied.deepCopy(), manager, force, false);
      ObjectNode created = prepareCreate(type, path, applied.deepCopy());
      created.with("metadata").set("managedFields", owned.path("metadata").path("managedFields"));
      created = admit(type, created, null, false, path, CustomResourceAdmission.Write.APPLY, warnings);
      if (!path.query().containsKey("dryRun")) {
        created = store(type, null, created);
      }
      return new Reply(201, created, warnings);
    }
    ObjectNode merged = fieldOwnership.apply(type, live, applied, manager, force, path.isStatus());
    ObjectNode result = commitPrepared(type, path, live, merged, warnings);
    return new Reply(200, result, warnings);
  }

  /** Turns a client's full object into the stored one: status rules, metadata rules, admission, ownership. */
  private ObjectNode commit(ResourceType type, RequestPath path, ObjectNode live, ObjectNode candidate,
      String manager, CustomResourceAdmission.Write write, List<String> warnings) {
    ObjectNode result = merge(type, path, live, candidate);
    result = admit(type, result, live, path.isStatus(), path, write, warnings);
    if (fieldOwnership != null) {
      result = fieldOwnership.update(type, live, result, manager, path.isStatus());
    }
    return finishWrite(type, path, live, result);
  }

  private ObjectNode commitPrepared(ResourceType type, RequestPath path, ObjectNode live, ObjectNode candidate,
      List<String> warnings) {
    ObjectNode result = merge(type, path, live, candidate);
    result = admit(type, result, live, path.isStatus(), path, CustomResourceAdmission.Write.APPLY, warnings);
    return finishWrite(type, path, live, result);
  }

  /** Applies the status-subresource and metadata rules of §4 to a candidate. */
  private ObjectNode merge(ResourceType type, RequestPath path, ObjectNode live, ObjectNode candidate) {
    if (path.subresource() != null && !path.isStatus()) {
      throw Statuses.notFound(type, path.name());
    }
    if (path.isStatus() && !type.statusSubresource()) {
      throw Statuses.notFound(type, path.name());
    }
    ObjectNode result;
    if (path.isStatus()) {
      result = live.deepCopy();
      if (candidate.has("status")) {
        result.set("status", candidate.get("status"));
      } else {
        result.remove("status");
      }
      if (candidate.path("metadata").has("managedFields")) {
        result.with("metadata").set("managedFields", candidate.path("metadata").get("managedFields"));
      }
      return result;
    }
    result = candidate.deepCopy();
    ObjectNode meta = result.with("metadata");
    JsonNode liveMeta = live.path("metadata");
    for (String immutable : List.of("name", "namespace", "uid", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "generation", "resourceVersion")) {
      if (liveMeta.has(immutable)) {
        meta.set(immutable, liveMeta.get(immutable));
      } else {
        meta.remove(immutable);
      }
    }
    if (!meta.has("managedFields") && liveMeta.has("managedFields")) {
      meta.set("managedFields", liveMeta.get("managedFields"));
    }
    if (type.statusSubresource()) {
      if (live.has("status")) {
        result.set("status", live.get("status"));
      } else {
        result.remove("status");
      }
    }
    if (liveMeta.has("deletionTimestamp")) {
      Set<String> before = strings(liveMeta.path("finalizers"));
      for (String finalizer : strings(meta.path("finalizers"))) {
        if (!before.contains(finalizer)) {
          throw Statuses.invalid(type.kind(), type.group(), path.name(), FieldError.forbidden("metadata.finalizers",
              "no new finalizers can be added if the object is being deleted, found new finalizers []string{\""
                  + finalizer + "\"}"));
        }
      }
    }
    BuiltinDefaults.onUpdate(type, result);
    if (type.tracksGeneration() && specChanged(type, live, result)) {
      meta.put("generation", liveMeta.path("generation").asLong(0) + 1);
    }
    return result;
  }

  private ObjectNode finishWrite(ResourceType type, RequestPath path, ObjectNode live, ObjectNode result) {
    if (path.query().containsKey("dryRun")) {
      return result;
    }
    if (withoutVolatile(result).equals(withoutVolatile(live))) {
      return live;
    }
    if (result.path("metadata").has("deletionTimestamp") && strings(result.path("metadata").path("finalizers"))
        .isEmpty()) {
      // removing the last finalizer of a deleted object removes it; the answer is its last state
      remove(type, live, result);
      return result;
    }
    return store(type, live, result);
  }

  private static JsonNode withoutVolatile(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    ObjectNode meta = copy.with("metadata");
    meta.remove("resourceVersion");
    JsonNode managed = meta.path("managedFields");
    if (managed.isArray()) {
      for (JsonNode entry : managed) {
        ((ObjectNode) entry).remove("time");
      }
    }
    return copy;
  }

  private static boolean specChanged(ResourceType type, ObjectNode before, ObjectNode after) {
    ObjectNode a = before.deepCopy();
    ObjectNode b = after.deepCopy();
    a.remove("metadata");
    b.remove("metadata");
    if (type.statusSubresource()) {
      a.remove("status");
      b.remove("status");
    }
    return !a.equals(b);
  }

  private Reply updateScale(ResourceType type, RequestPath path, JsonNode replicas, String manager) {
    if (!type.scaleSubresource()) {
      throw Statuses.notFound(type, path.name());
    }
    ObjectNode live = require(type, path);
    ObjectNode candidate = live.deepCopy();
    candidate.with("spec").set("replicas", replicas.isMissingNode() ? JSON.numberNode(1) : replicas);
    RequestPath main = new RequestPath(path.group(), path.version(), path.namespace(), path.resource(), path.name(),
        null, path.query());
    ObjectNode result = commit(type, main, live, candidate, manager, CustomResourceAdmission.Write.PATCH,
        new ArrayList<>());
    return Reply.of(200, scale(type, result));
  }

  private static ObjectNode scale(ResourceType type, ObjectNode object) {
    if (!type.scaleSubresource()) {
      throw Statuses.notFound(type, object.path("metadata").path("name").asText());
    }
    ObjectNode scale = JSON.objectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    for (String key : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (object.path("metadata").has(key)) {
        meta.set(key, object.path("metadata").get(key));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    JsonNode matchLabels = object.path("spec").path("selector").path("matchLabels");
    if (matchLabels.isObject()) {
      List<String> parts = new ArrayList<>();
      matchLabels.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
      status.put("selector", String.join(",", parts));
    }
    return scale;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Deletion and garbage collection

  private Reply delete(ResourceType type, RequestPath path, byte[] body) {
    if (path.subresource() != null) {
      throw Statuses.methodNotAllowed("delete", type);
    }
    ObjectNode live = require(type, path);
    JsonNode options = body == null || body.length == 0 ? JSON.objectNode() : parseJson(body);
    JsonNode preconditions = options.path("preconditions");
    if (preconditions.has("uid")
        && !preconditions.path("uid").asText().equals(live.path("metadata").path("uid").asText())) {
      throw Statuses.conflict(type, path.name(), "Precondition failed: UID in precondition: "
          + preconditions.path("uid").asText() + ", UID in object meta: " + live.path("metadata").path("uid").asText());
    }
    if (preconditions.has("resourceVersion") && !preconditions.path("resourceVersion").asText()
        .equals(live.path("metadata").path("resourceVersion").asText())) {
      throw Statuses.conflict(type, path.name());
    }
    String policy = options.path("propagationPolicy").asText(path.query().getOrDefault("propagationPolicy", ""));
    if (options.path("orphanDependents").asBoolean(false)) {
      policy = "Orphan";
    }
    if (path.query().containsKey("dryRun") || options.path("dryRun").size() > 0) {
      return Reply.of(200, live);
    }
    ObjectNode after = deleteObject(type, live, policy);
    if (after == null) {
      return Reply.of(200, Statuses.success(type, path.name(), live.path("metadata").path("uid").asText()));
    }
    return Reply.of(200, after);
  }

  private Reply deleteCollection(ResourceType type, RequestPath path, byte[] body) {
    Predicate<JsonNode> filter = Selectors.labels(path.param("labelSelector"))
        .and(Selectors.fields(path.param("fieldSelector")));
    JsonNode options = body == null || body.length == 0 ? JSON.objectNode() : parseJson(body);
    ObjectNode list = JSON.objectNode();
    list.put("apiVersion", type.apiVersion());
    list.put("kind", type.listKind());
    ArrayNode items = list.putArray("items");
    for (ObjectNode object : objects(type, path.namespace())) {
      if (filter.test(object)) {
        ObjectNode after = deleteObject(type, object, options.path("propagationPolicy").asText(""));
        items.add(after == null ? object : after);
      }
    }
    list.putObject("metadata").put("resourceVersion", currentResourceVersion());
    return Reply.of(200, list);
  }

  /**
   * Deletes an object the way the registry store does: objects with finalizers (or a Foreground/Orphan policy)
   * are only marked; the rest go at once and their dependents are collected.
   *
   * @return the object as it remains, or {@code null} when it is gone
   */
  private ObjectNode deleteObject(ResourceType type, ObjectNode live, String policy) {
    ObjectNode object = live.deepCopy();
    ObjectNode meta = object.with("metadata");
    Set<String> finalizers = new java.util.LinkedHashSet<>(strings(meta.path("finalizers")));
    boolean marking = !meta.has("deletionTimestamp");
    if (marking && "Foreground".equals(policy)) {
      finalizers.add("foregroundDeletion");
    } else if (marking && "Orphan".equals(policy)) {
      finalizers.add("orphan");
    }
    if (finalizers.isEmpty()) {
      return remove(type, live, object);
    }
    if (!marking) {
      return live;
    }
    ArrayNode list = meta.putArray("finalizers");
    finalizers.forEach(list::add);
    meta.put("deletionTimestamp", now());
    meta.put("deletionGracePeriodSeconds", 0);
    if (type.tracksGeneration()) {
      meta.put("generation", meta.path("generation").asLong(0) + 1);
    }
    ObjectNode marked = store(type, live, object);
    return runGarbageCollectorFinalizers(type, marked);
  }

  /** The garbage collector's part of foreground and orphan deletion, done at once. */
  private ObjectNode runGarbageCollectorFinalizers(ResourceType type, ObjectNode object) {
    String uid = object.path("metadata").path("uid").asText();
    Set<String> finalizers = strings(object.path("metadata").path("finalizers"));
    if (!finalizers.contains("orphan") && !finalizers.contains("foregroundDeletion")) {
      return object;
    }
    for (Dependent dependent : dependentsOf(uid)) {
      if (finalizers.contains("orphan")) {
        ObjectNode orphaned = dependent.object().deepCopy();
        removeOwnerReference(orphaned, uid);
        store(dependent.type(), dependent.object(), orphaned);
      } else {
        deleteObject(dependent.type(), dependent.object(), "Background");
      }
    }
    ObjectNode after = object.deepCopy();
    ArrayNode remaining = after.with("metadata").putArray("finalizers");
    finalizers.stream().filter(f -> !f.equals("orphan") && !f.equals("foregroundDeletion")).forEach(remaining::add);
    if (remaining.isEmpty()) {
      after.with("metadata").remove("finalizers");
      return remove(type, object, after);
    }
    return store(type, object, after);
  }

  private record Dependent(ResourceType type, ObjectNode object) {
  }

  private List<Dependent> dependentsOf(String ownerUid) {
    List<Dependent> out = new ArrayList<>();
    for (ResourceType candidate : registry.all()) {
      for (ObjectNode object : objects(candidate, null)) {
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
          if (ownerUid.equals(ref.path("uid").asText())) {
            out.add(new Dependent(candidate, object));
            break;
          }
        }
      }
    }
    return out;
  }

  /** Removes an object from the store, then collects its dependents (background propagation) and contents. */
  private ObjectNode remove(ResourceType type, ObjectNode live, ObjectNode lastState) {
    Map.Entry<AttributeSet, String> entry = entry(type, live.path("metadata").path("namespace").asText(null),
        live.path("metadata").path("name").asText());
    if (entry == null) {
      return null;
    }
    String path = objectPath(type, live.path("metadata").path("namespace").asText(null),
        live.path("metadata").path("name").asText());
    long version = requestResourceVersion();
    ObjectNode gone = lastState.deepCopy();
    gone.with("metadata").put("resourceVersion", String.valueOf(version));
    parsedObjects.remove(entry.getValue());
    processEvent(path, attributeExtractor.fromPath(path), entry.getKey(), null, null);
    keyIndex.remove(indexKey(type, live.path("metadata").path("namespace").asText(null),
        live.path("metadata").path("name").asText()));
    // watchers see DELETED with the last state, stamped with the deletion's resourceVersion
    hub.publish(new WatchHub.Change(version, WatchHub.typeKey(type), gone.path("metadata").path("namespace")
        .asText(null), gone, null));
    afterRemoval(type, gone);
    return null;
  }

  private void afterRemoval(ResourceType type, ObjectNode gone) {
    String uid = gone.path("metadata").path("uid").asText();
    if (type.group().equals(CRD_GROUP) && type.plural().equals("customresourcedefinitions")) {
      String crdName = gone.path("metadata").path("name").asText();
      for (ResourceType served : ResourceRegistry.typesOf(gone)) {
        for (ObjectNode object : objects(served, null)) {
          remove(served, object, object);
        }
      }
      registry.unregister(crdName);
      if (admission != null) {
        admission.forget(crdName);
      }
    }
    if (type.group().isEmpty() && type.plural().equals("namespaces")) {
      String namespace = gone.path("metadata").path("name").asText();
      for (ResourceType candidate : registry.all()) {
        if (candidate.namespaced()) {
          for (ObjectNode object : objects(candidate, namespace)) {
            remove(candidate, object, object);
          }
        }
      }
    }
    for (Dependent dependent : dependentsOf(uid)) {
      ObjectNode current = find(dependent.type(), dependent.object().path("metadata").path("namespace").asText(null),
          dependent.object().path("metadata").path("name").asText());
      if (current == null) {
        continue;
      }
      if (hasLiveOwnerOtherThan(current, uid)) {
        ObjectNode trimmed = current.deepCopy();
        removeOwnerReference(trimmed, uid);
        store(dependent.type(), current, trimmed);
      } else {
        deleteObject(dependent.type(), current, "Background");
      }
    }
  }

  private boolean hasLiveOwnerOtherThan(ObjectNode object, String goneUid) {
    Set<String> owners = new HashSet<>();
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      owners.add(ref.path("uid").asText());
    }
    owners.remove(goneUid);
    if (owners.isEmpty()) {
      return false;
    }
    for (ResourceType candidate : registry.all()) {
      for (ObjectNode other : objects(candidate, null)) {
        if (owners.contains(other.path("metadata").path("uid").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void removeOwnerReference(ObjectNode object, String uid) {
    ArrayNode kept = JSON.arrayNode();
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if (!uid.equals(ref.path("uid").asText())) {
        kept.add(ref);
      }
    }
    if (kept.isEmpty()) {
      object.with("metadata").remove("ownerReferences");
    } else {
      object.with("metadata").set("ownerReferences", kept);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Storage primitives

  /** Writes an object with a new resourceVersion and tells the watchers. */
  private ObjectNode store(ResourceType type, ObjectNode live, ObjectNode object) {
    String namespace = object.path("metadata").path("namespace").asText(null);
    String name = object.path("metadata").path("name").asText();
    String path = objectPath(type, namespace, name);
    long version = requestResourceVersion();
    object.with("metadata").put("resourceVersion", String.valueOf(version));
    if (isCrd(type)) {
      acceptCrd(object);
    }
    String serialized = write(object);
    Map.Entry<AttributeSet, String> old = live == null ? null : entry(type, namespace, name);
    if (old != null) {
      parsedObjects.remove(old.getValue());
    }
    parsedObjects.put(serialized, object.deepCopy());
    GenericKubernetesResource resource = Serialization.unmarshal(serialized, GenericKubernetesResource.class);
    AttributeSet pathAttributes = attributeExtractor.fromPath(path);
    processEvent(path, pathAttributes, old == null ? null : old.getKey(), resource, serialized);
    keyIndex.put(indexKey(type, namespace, name), storedKey(pathAttributes, resource, serialized));
    hub.publish(new WatchHub.Change(version, WatchHub.typeKey(type), namespace, live, object.deepCopy()));
    if (isCrd(type)) {
      registry.register(object);
    }
    return object;
  }

  /**
   * The key fabric8's dispatcher filed an object under: the resource's own attributes, with the path's when they
   * lack the plural (as {@code processEvent} computes it); found by value should that ever differ.
   */
  private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource, String serialized) {
    AttributeSet key = ((KubernetesAttributesExtractor) attributeExtractor).extract(resource);
    if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
      key = AttributeSet.merge(pathAttributes, key);
    }
    if (map.get(key) == serialized) {
      return key;
    }
    synchronized (map) {
      for (Map.Entry<AttributeSet, String> entry : map.entrySet()) {
        if (entry.getValue() == serialized) {
          return entry.getKey();
        }
      }
    }
    throw new IllegalStateException("stored object not found in the store");
  }

  private static boolean isCrd(ResourceType type) {
    return type.group().equals(CRD_GROUP) && type.plural().equals("customresourcedefinitions");
  }

  /** Marks a stored CRD established, as the apiextensions controllers do within moments. */
  private void acceptCrd(ObjectNode crd) {
    ObjectNode status = crd.with("status");
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    String time = crd.path("metadata").path("creationTimestamp").asText(now());
    conditions.addObject().put("type", "NamesAccepted").put("status", "True").put("reason", "NoConflicts")
        .put("message", "no conflicts found").put("lastTransitionTime", time);
    conditions.addObject().put("type", "Established").put("status", "True").put("reason", "InitialNamesAccepted")
        .put("message", "the initial names have been accepted").put("lastTransitionTime", time);
    ArrayNode stored = status.putArray("storedVersions");
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("storage").asBoolean(false)) {
        stored.add(version.path("name").asText());
      }
    }
  }

  private ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old, boolean statusWrite,
      RequestPath path, CustomResourceAdmission.Write write, List<String> warnings) {
    CustomResourceAdmission admit = admission;
    if (admit == null) {
      return object;
    }
    if (isCrd(type) && !statusWrite) {
      admit.compile(object);
      return object;
    }
    if (!type.isCustom()) {
      return object;
    }
    String validation = path.query().getOrDefault("fieldValidation", "Warn");
    return admit.admit(type, object, old, statusWrite, validation, write, warnings);
  }

  private void requireNamespace(ResourceType type, String name, String namespace) {
    ResourceType namespaces = registry.find("", "v1", "namespaces").orElseThrow();
    ObjectNode ns = find(namespaces, null, namespace);
    if (ns == null) {
      throw Statuses.namespaceNotFound(namespace);
    }
    if (ns.path("metadata").has("deletionTimestamp")) {
      throw Statuses.forbidden(type, name,
          "unable to create new content in namespace " + namespace + " because it is being terminated");
    }
  }

  /** Creates an object directly (used at start for namespaces and by tests); fails if it exists. */
  public ObjectNode createInternal(ResourceType type, ObjectNode object) {
    lock.lock();
    try {
      String ns = object.path("metadata").path("namespace").asText(null);
      RequestPath path = new RequestPath(type.group(), type.version(), type.namespaced() ? ns : null, type.plural(),
          null, null, Map.of());
      return create(type, path, object, "sandbox").body().deepCopy();
    } finally {
      lock.unlock();
    }
  }

  private static String collectionPath(ResourceType type, String namespace) {
    return type.groupVersionPath() + (type.namespaced() && namespace != null ? "/namespaces/" + namespace : "") + "/"
        + type.plural();
  }

  private static String objectPath(ResourceType type, String namespace, String name) {
    return type.groupVersionPath() + (type.namespaced() && namespace != null ? "/namespaces/" + namespace : "")
        + "/" + type.plural() + "/" + name;
  }

  private static void checkKind(ResourceType type, ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    if (kind.isEmpty()) {
      object.put("kind", type.kind());
    } else if (!kind.equals(type.kind())) {
      throw Statuses.badRequest(kind + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind()
          + ": the kind in the data (" + kind + ") does not match the expected kind (" + type.kind() + ")");
    }
    if (apiVersion.isEmpty()) {
      object.put("apiVersion", type.apiVersion());
    } else if (!apiVersion.equals(type.apiVersion())) {
      throw Statuses.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + type.apiVersion() + ")");
    }
  }

  private static void checkName(RequestPath path, ObjectNode body) {
    String bodyName = body.path("metadata").path("name").asText("");
    if (!bodyName.isEmpty() && !bodyName.equals(path.name())) {
      throw Statuses.badRequest(
          "the name of the object (" + bodyName + ") does not match the name on the URL (" + path.name() + ")");
    }
  }

  private String manager(RequestPath path, String userAgent) {
    String manager = path.param("fieldManager");
    if (manager != null && !manager.isEmpty()) {
      return manager;
    }
    if (userAgent != null && !userAgent.isEmpty()) {
      return userAgent.split("/")[0];
    }
    return "unknown";
  }

  private ObjectNode parseBody(String contentType, byte[] body, boolean yamlAllowed) {
    String mediaType = contentType == null ? "application/json" : contentType.split(";")[0].trim();
    if (body == null || body.length == 0) {
      throw Statuses.badRequest("Object 'Kind' is missing in ''");
    }
    JsonNode node;
    try {
      if (mediaType.equals("application/yaml") || yamlAllowed) {
        node = yaml.readTree(body);
      } else if (mediaType.equals("application/json") || mediaType.isEmpty()) {
        node = json.readTree(body);
      } else {
        throw Statuses.unsupportedMediaType("application/json, application/yaml");
      }
    } catch (java.io.IOException e) {
      throw Statuses.badRequest("the body of the request could not be decoded: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw Statuses.badRequest("Object 'Kind' is missing in '" + new String(body, StandardCharsets.UTF_8) + "'");
    }
    return (ObjectNode) node;
  }

  private JsonNode parseJson(byte[] body) {
    try {
      return json.readTree(body);
    } catch (java.io.IOException e) {
      throw Statuses.badRequest("the body of the request could not be decoded: " + e.getMessage());
    }
  }

  /** Parses a stored object; stored strings are parsed once and handed out as copies. */
  private ObjectNode parse(String stored) {
    ObjectNode parsed = parsedObjects.get(stored);
    if (parsed == null) {
      try {
        parsed = (ObjectNode) json.readTree(stored);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("stored object is not JSON", e);
      }
      parsedObjects.put(stored, parsed);
    }
    return parsed.deepCopy();
  }

  private String write(ObjectNode object) {
    try {
      return json.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String randomSuffix() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
    }
    return sb.toString();
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new java.util.LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
