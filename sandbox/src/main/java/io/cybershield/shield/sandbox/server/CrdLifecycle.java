package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Supplier;

/**
 * What the apiextensions controllers do with a CustomResourceDefinition, at once: a stored CRD is established and
 * its versions served; a removed one stops being served and its custom resources go with it.
 */
final class CrdLifecycle {

  private static final String GROUP = "apiextensions.k8s.io";

  private final ResourceRegistry registry;
  private final ObjectStore objects;
  private final Supplier<CustomResourceAdmission> admission;

  CrdLifecycle(ResourceRegistry registry, ObjectStore objects, Supplier<CustomResourceAdmission> admission) {
    this.registry = registry;
    this.objects = objects;
    this.admission = admission;
  }

  static boolean isCrd(ResourceType type) {
    return type.group().equals(GROUP) && type.plural().equals("customresourcedefinitions");
  }

  /** Before a CRD is stored: its status says what the controllers would within moments (names accepted, established). */
  void beforeStore(ResourceType type, ObjectNode crd) {
    if (!isCrd(type)) {
      return;
    }
    ObjectNode status = crd.with("status");
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    String time = crd.path("metadata").path("creationTimestamp").asText();
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

  /** After a CRD is stored: its versions are served (again, with what changed). */
  void afterStore(ResourceType type, ObjectNode crd) {
    if (isCrd(type)) {
      registry.register(crd);
    }
  }

  /** After a CRD is removed: its custom resources are removed, its versions no longer served. */
  void removed(ResourceType type, ObjectNode crd, Writes writes) {
    if (!isCrd(type)) {
      return;
    }
    String name = crd.path("metadata").path("name").asText();
    for (ResourceType served : ResourceRegistry.typesOf(crd)) {
      for (ObjectNode object : objects.list(served, null)) {
        writes.remove(served, object);
      }
    }
    registry.unregister(name);
    CustomResourceAdmission admit = admission.get();
    if (admit != null) {
      admit.forget(name);
    }
  }
}
