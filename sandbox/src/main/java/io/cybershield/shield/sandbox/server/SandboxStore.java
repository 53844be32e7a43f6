package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.FieldError;
import io.cybershield.shield.sandbox.admission.ObjectMetaPruning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The API's resource verbs (get, list, create, update, patch, apply, delete, deletecollection, watch) with the
 * status codes and Status bodies a real kube-apiserver gives. The work is done by focused parts: the
 * {@link ObjectStore} files objects and feeds the {@link WatchHub}; {@link WriteRules} say what a write may change;
 * admission ({@link CustomResourceAdmission}) and server-side apply ({@link FieldOwnership}) shape custom resources
 * and managedFields; the {@link GarbageCollector} deletes; {@link CrdLifecycle} and {@link NamespaceLifecycle} do
 * what their controllers do. One lock serialises requests, so each is atomic and watchers see writes in order.
 */
public final class SandboxStore {

  /** An answer to a non-watch request. */
  public record Reply(int code, JsonNode body, List<String> warnings) {
    static Reply of(int code, JsonNode body) {
      return new Reply(code, body, List.of());
    }
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String APPLY_PATCH = "application/apply-patch+yaml";

  private final ReentrantLock lock = new ReentrantLock();
  private final ResourceRegistry registry;
  private final WatchHub hub = new WatchHub();
  private final ObjectStore objects = new ObjectStore(hub);
  private final WriteRules rules;
  private final GarbageCollector gc;
  private final CrdLifecycle crds;
  private final NamespaceLifecycle namespaces;
  /** The write primitives as the garbage collector and the lifecycles use them. */
  private final Writes writes;
  private volatile CustomResourceAdmission admission;
  private volatile FieldOwnership fieldOwnership;

  public SandboxStore(ResourceRegistry registry, Clock clock) {
    this.registry = registry;
    this.rules = new WriteRules(clock);
    Writes writes = new Writes() {
      @Override
      public ObjectStore.Stored read(ObjectStore.Key key) {
        ObjectStore.Stored stored = objects.getStored(key);
        return stored == null ? null : new ObjectStore.Stored(stored.type(), onRead(stored.type(), stored.object()));
      }

      @Override
      public ObjectNode store(ResourceType type, ObjectNode object) {
        return SandboxStore.this.store(type, object);
      }

      @Override
      public void remove(ResourceType type, ObjectNode lastState) {
        SandboxStore.this.remove(type, lastState);
      }
    };
    this.gc = new GarbageCollector(objects, rules, writes);
    this.crds = new CrdLifecycle(registry, objects, () -> admission);
    this.namespaces = new NamespaceLifecycle(registry, objects);
    objects.addListener(gc);
    this.writes = writes;
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
    return objects.latestResourceVersion();
  }

  public String currentResourceVersion() {
    return String.valueOf(latestResourceVersion());
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
          yield create(type, path, RequestBodies.object(contentType, body, false), manager(path, userAgent));
        }
        case "PUT" -> update(type, path, RequestBodies.object(contentType, body, false), manager(path, userAgent));
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
      WatchHub.Subscription subscription = new WatchHub.Subscription(WatchHub.typeKey(type), path.namespace(),
          selector(path), sink);
      List<JsonNode> current = new ArrayList<>(objects(type, path.namespace()));
      return hub.subscribe(subscription, path.param("resourceVersion"), current, latestResourceVersion());
    } finally {
      lock.unlock();
    }
  }

  public void stopWatch(WatchHub.Subscription subscription) {
    hub.unsubscribe(subscription);
  }

  /** Creates an object directly (used at start for namespaces and CRDs, and by tests); fails if it exists. */
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

  // ---------------------------------------------------------------------------------------------------------------
  // Reads

  /** A snapshot of the stored objects of a type, optionally in one namespace, ordered by namespace and name. */
  public List<ObjectNode> objects(ResourceType type, String namespace) {
    lock.lock();
    try {
      List<ObjectNode> out = new ArrayList<>();
      for (ObjectNode stored : objects.list(type, namespace)) {
        out.add(onRead(type, stored));
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  private Reply read(ResourceType type, RequestPath path) {
    ObjectNode object = require(type, path);
    if ("scale".equals(path.subresource())) {
      return Reply.of(200, Scale.of(type, object));
    }
    return Reply.of(200, object);
  }

  private Reply list(ResourceType type, RequestPath path) {
    Predicate<JsonNode> filter = selector(path);
    ObjectNode list = JSON.objectNode();
    list.put("apiVersion", type.apiVersion());
    list.put("kind", type.listKind());
    list.putObject("metadata").put("resourceVersion", currentResourceVersion());
    ArrayNode items = list.putArray("items");
    for (ObjectNode stored : objects.list(type, path.namespace())) {
      if (filter.test(stored)) {
        items.add(onRead(type, stored));
      }
    }
    return Reply.of(200, list);
  }

  private static Predicate<JsonNode> selector(RequestPath path) {
    return Selectors.labels(path.param("labelSelector")).and(Selectors.fields(path.param("fieldSelector")));
  }

  /** An object as clients read it: a copy, with a custom resource's schema defaults. */
  private ObjectNode onRead(ResourceType type, ObjectNode stored) {
    CustomResourceAdmission admit = admission;
    return type.isCustom() && admit != null ? admit.onRead(type, stored) : stored.deepCopy();
  }

  private ObjectNode find(ResourceType type, String namespace, String name) {
    ObjectNode stored = objects.get(ObjectStore.key(type, namespace, name));
    return stored == null ? null : onRead(type, stored);
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
      created = store(type, created);
    }
    return new Reply(201, created, warnings);
  }

  private ObjectNode prepareCreate(ResourceType type, RequestPath path, ObjectNode object) {
    WriteRules.checkKind(type, object);
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
      namespaces.requireActive(type, meta.path("name").asText(""), namespace);
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
      name = WriteRules.generateName(generateName, candidate -> exists(type, namespace, candidate));
      meta.put("name", name);
    }
    if (exists(type, namespace, name)) {
      throw Statuses.alreadyExists(type, name);
    }
    rules.initialize(type, object);
    return object;
  }

  private boolean exists(ResourceType type, String namespace, String name) {
    return objects.get(ObjectStore.key(type, namespace, name)) != null;
  }

  private Reply update(ResourceType type, RequestPath path, ObjectNode body, String manager) {
    if ("scale".equals(path.subresource())) {
      return updateScale(type, path, body.path("spec").path("replicas"), manager);
    }
    ObjectNode live = require(type, path);
    WriteRules.checkKind(type, body);
    WriteRules.checkName(path, body);
    WriteRules.checkUpdateVersion(type, path.name(), body, live);
    List<String> warnings = new ArrayList<>();
    ObjectNode result = commit(type, path, live, body, manager, CustomResourceAdmission.Write.OBJECT, warnings);
    return new Reply(200, result, warnings);
  }

  private Reply patch(ResourceType type, RequestPath path, String contentType, byte[] body, String userAgent) {
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!mediaType.equals(APPLY_PATCH) && path.query().containsKey("force")) {
      throw Statuses.invalid("PatchOptions", "meta.k8s.io", "",
          FieldError.forbidden("force", "may not be specified for non-apply patch"));
    }
    if (mediaType.equals(APPLY_PATCH)) {
      return apply(type, path, body);
    }
    ObjectNode live = require(type, path);
    if ("scale".equals(path.subresource())) {
      JsonNode patched = Patches.apply(type, mediaType, Scale.of(type, live), RequestBodies.json(body));
      return updateScale(type, path, patched.path("spec").path("replicas"), manager(path, userAgent));
    }
    JsonNode patched = Patches.apply(type, mediaType, live, RequestBodies.json(body));
    if (!patched.isObject()) {
      throw Statuses.badRequest("the patch did not produce an object");
    }
    ObjectNode candidate = (ObjectNode) patched;
    WriteRules.checkPatchVersion(type, path.name(), candidate, live);
    WriteRules.checkName(path, candidate);
    List<String> warnings = new ArrayList<>();
    ObjectNode result = commit(type, path, live, candidate, manager(path, userAgent),
        CustomResourceAdmission.Write.PATCH, warnings);
    return new Reply(200, result, warnings);
  }

  private Reply apply(ResourceType type, RequestPath path, byte[] body) {
    String manager = path.param("fieldManager");
    if (manager == null || manager.isEmpty()) {
      throw Statuses.invalid("PatchOptions", "meta.k8s.io", "",
          FieldError.required("fieldManager", "is required for apply patch"));
    }
    if (fieldOwnership == null) {
      throw Statuses.unsupportedMediaType("application/json-patch+json, application/merge-patch+json");
    }
    ObjectNode applied = RequestBodies.object(APPLY_PATCH, body, true);
    WriteRules.checkKind(type, applied);
    WriteRules.checkName(path, applied);
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
        created = store(type, created);
      }
      return new Reply(201, created, warnings);
    }
    ObjectNode merged = fieldOwnership.apply(type, live, applied, manager, force, path.isStatus());
    ObjectNode result = WriteRules.merge(type, path, live, merged);
    result = admit(type, result, live, path.isStatus(), path, CustomResourceAdmission.Write.APPLY, warnings);
    return new Reply(200, finishWrite(type, path, live, result), warnings);
  }

  /** Turns a client's full object into the stored one: write rules, admission, field ownership. */
  private ObjectNode commit(ResourceType type, RequestPath path, ObjectNode live, ObjectNode candidate,
      String manager, CustomResourceAdmission.Write write, List<String> warnings) {
    ObjectNode result = WriteRules.merge(type, path, live, candidate);
    result = admit(type, result, live, path.isStatus(), path, write, warnings);
    if (fieldOwnership != null) {
      result = fieldOwnership.update(type, live, result, manager, path.isStatus());
    }
    return finishWrite(type, path, live, result);
  }

  private ObjectNode finishWrite(ResourceType type, RequestPath path, ObjectNode live, ObjectNode result) {
    if (path.query().containsKey("dryRun")) {
      return result;
    }
    if (WriteRules.unchanged(result, live)) {
      return live;
    }
    if (WriteRules.finalized(result)) {
      // removing the last finalizer of a deleted object removes it; the answer is its last state
      remove(type, result);
      return result;
    }
    return store(type, result);
  }

  /**
   * Admission of a write: metadata is pruned to ObjectMeta for every kind; a custom resource is then pruned,
   * defaulted and validated against its CRD, and a CRD compiled. Unknown fields get the answer of the request's
   * {@code fieldValidation} directive (Warn by default).
   */
  private ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old, boolean statusWrite,
      RequestPath path, CustomResourceAdmission.Write write, List<String> warnings) {
    String validation = path.query().getOrDefault("fieldValidation", "Warn");
    CustomResourceAdmission admit = admission;
    if (type.isCustom() && admit != null) {
      return admit.admit(type, object, old, statusWrite, validation, write, warnings);
    }
    List<String> unknown = new ArrayList<>();
    ObjectMetaPruning.prune(object, "", unknown);
    UnknownFields.answer(type, object, unknown, validation, write, warnings);
    if (admit != null && CrdLifecycle.isCrd(type) && !statusWrite) {
      admit.compile(object);
    }
    return object;
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
    return Reply.of(200, Scale.of(type, result));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Deletes

  private Reply delete(ResourceType type, RequestPath path, byte[] body) {
    if (path.subresource() != null) {
      throw Statuses.methodNotAllowed("delete", type);
    }
    ObjectNode live = require(type, path);
    JsonNode options = RequestBodies.deleteOptions(body);
    JsonNode preconditions = options.path("preconditions");
    String uid = live.path("metadata").path("uid").asText();
    if (preconditions.has("uid") && !preconditions.path("uid").asText().equals(uid)) {
      throw Statuses.conflict(type, path.name(), "Precondition failed: UID in precondition: "
          + preconditions.path("uid").asText() + ", UID in object meta: " + uid);
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
    ObjectNode after = gc.delete(type, live, policy);
    return Reply.of(200, after == null ? Statuses.success(type, path.name(), uid) : after);
  }

  private Reply deleteCollection(ResourceType type, RequestPath path, byte[] body) {
    Predicate<JsonNode> filter = selector(path);
    String policy = RequestBodies.deleteOptions(body).path("propagationPolicy").asText("");
    ObjectNode list = JSON.objectNode();
    list.put("apiVersion", type.apiVersion());
    list.put("kind", type.listKind());
    ArrayNode items = list.putArray("items");
    for (ObjectNode object : objects(type, path.namespace())) {
      if (filter.test(object)) {
        ObjectNode after = gc.delete(type, object, policy);
        items.add(after == null ? object : after);
      }
    }
    list.putObject("metadata").put("resourceVersion", currentResourceVersion());
    return Reply.of(200, list);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The two write primitives; the garbage collector and the lifecycles write through them too

  private ObjectNode store(ResourceType type, ObjectNode object) {
    crds.beforeStore(type, object);
    objects.put(type, object);
    crds.afterStore(type, object);
    gc.collectIfOwnersGone(type, object);
    return object;
  }

  private void remove(ResourceType type, ObjectNode lastState) {
    ObjectNode gone = objects.remove(type, ObjectStore.keyOf(type, lastState), lastState);
    if (gone == null) {
      return;
    }
    crds.removed(type, gone, writes);
    namespaces.removed(type, gone, writes);
    gc.collect(gone);
  }

  private static String manager(RequestPath path, String userAgent) {
    String manager = path.param("fieldManager");
    if (manager != null && !manager.isEmpty()) {
      return manager;
    }
    if (userAgent != null && !userAgent.isEmpty()) {
      return userAgent.split("/")[0];
    }
    return "unknown";
  }
}
