package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.FieldError;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the registry store does to every write, whatever the kind: the metadata a create sets, what an update may
 * not change, {@code generation} (it moves with the spec only), the status subresource (the main resource cannot
 * write status, {@code /status} can write nothing else), optimistic concurrency on {@code resourceVersion}, and
 * finalizers (none may be added once deletion started; the object goes with the last one).
 */
final class WriteRules {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
  /** Built-in kinds whose create starts from an empty status, as their registry strategies reset it. */
  private static final Set<String> STATUS_RESET_ON_CREATE = Set.of("deployments", "replicasets", "statefulsets",
      "daemonsets", "jobs", "cronjobs", "horizontalpodautoscalers", "poddisruptionbudgets", "ingresses");
  /** Metadata an update keeps from the stored object, whatever the client sent. */
  private static final List<String> SERVER_OWNED_METADATA = List.of("name", "namespace", "uid", "creationTimestamp",
      "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion");

  private final Clock clock;

  WriteRules(Clock clock) {
    this.clock = clock;
  }

  String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Checks of a request body

  /** Fills a missing kind and apiVersion; refuses ones that are not the URL's. */
  static void checkKind(ResourceType type, ObjectNode object) {
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

  static void checkName(RequestPath path, ObjectNode body) {
    String bodyName = body.path("metadata").path("name").asText("");
    if (!bodyName.isEmpty() && !bodyName.equals(path.name())) {
      throw Statuses.badRequest(
          "the name of the object (" + bodyName + ") does not match the name on the URL (" + path.name() + ")");
    }
  }

  /** A PUT must carry the stored resourceVersion: a missing one is invalid, another one a conflict. */
  static void checkUpdateVersion(ResourceType type, String name, ObjectNode body, ObjectNode live) {
    String resourceVersion = body.path("metadata").path("resourceVersion").asText("");
    if (resourceVersion.isEmpty()) {
      throw Statuses.invalid(type.plural(), type.group(), name,
          FieldError.invalidRaw("metadata.resourceVersion", "0x0", "must be specified for an update"));
    }
    checkVersionMatches(type, name, resourceVersion, live);
  }

  /** A patch is unconditional unless its result carries a resourceVersion, which must then be the stored one. */
  static void checkPatchVersion(ResourceType type, String name, ObjectNode patched, ObjectNode live) {
    String resourceVersion = patched.path("metadata").path("resourceVersion").asText("");
    if (!resourceVersion.isEmpty()) {
      checkVersionMatches(type, name, resourceVersion, live);
    }
  }

  private static void checkVersionMatches(ResourceType type, String name, String resourceVersion, ObjectNode live) {
    if (!resourceVersion.equals(live.path("metadata").path("resourceVersion").asText())) {
      throw Statuses.conflict(type, name);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Create

  /** A name from {@code generateName} and a random suffix that {@code taken} does not know. */
  static String generateName(String prefix, Predicate<String> taken) {
    String name;
    do {
      StringBuilder sb = new StringBuilder(prefix);
      for (int i = 0; i < 5; i++) {
        sb.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
      }
      name = sb.toString();
    } while (taken.test(name));
    return name;
  }

  /** The metadata and status a new object starts with, then the kind's defaults. */
  void initialize(ResourceType type, ObjectNode object) {
    ObjectNode meta = object.with("metadata");
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
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Update

  /**
   * The object an update or patch of {@code live} stores, before admission: a {@code /status} write takes only the
   * candidate's status (and managedFields); a main-resource write keeps the server-owned metadata and, with a
   * status subresource, the stored status; {@code generation} goes up when anything outside metadata (and
   * status, with a subresource) changed.
   */
  static ObjectNode merge(ResourceType type, RequestPath path, ObjectNode live, ObjectNode candidate) {
    if (path.subresource() != null && !path.isStatus()) {
      throw Statuses.notFound(type, path.name());
    }
    if (path.isStatus() && !type.statusSubresource()) {
      throw Statuses.notFound(type, path.name());
    }
    if (path.isStatus()) {
      ObjectNode result = live.deepCopy();
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
    ObjectNode result = candidate.deepCopy();
    ObjectNode meta = result.with("metadata");
    JsonNode liveMeta = live.path("metadata");
    for (String serverOwned : SERVER_OWNED_METADATA) {
      if (liveMeta.has(serverOwned)) {
        meta.set(serverOwned, liveMeta.get(serverOwned));
      } else {
        meta.remove(serverOwned);
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

  /** Does the write change nothing but resourceVersion and managedFields times (so nothing is stored)? */
  static boolean unchanged(ObjectNode result, ObjectNode live) {
    return withoutVolatile(result).equals(withoutVolatile(live));
  }

  /** An object being deleted whose last finalizer is gone: the write removes it. */
  static boolean finalized(ObjectNode object) {
    return object.path("metadata").has("deletionTimestamp")
        && strings(object.path("metadata").path("finalizers")).isEmpty();
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

  // ---------------------------------------------------------------------------------------------------------------
  // Delete

  /** Marks an object as being deleted, held by {@code finalizers}: deletionTimestamp now, grace 0, generation + 1. */
  void markDeleting(ResourceType type, ObjectNode object, Set<String> finalizers) {
    ObjectNode meta = object.with("metadata");
    ArrayNode list = meta.putArray("finalizers");
    finalizers.forEach(list::add);
    meta.put("deletionTimestamp", now());
    meta.put("deletionGracePeriodSeconds", 0);
    if (type.tracksGeneration()) {
      meta.put("generation", meta.path("generation").asLong(0) + 1);
    }
  }

  static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
