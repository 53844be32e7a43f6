package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The namespace lifecycle admission and controller: content is only created in a namespace that exists and is not
 * being terminated, and a removed namespace takes its content with it.
 */
final class NamespaceLifecycle {

  private final ObjectStore objects;
  private final ResourceType namespaces;

  NamespaceLifecycle(ResourceRegistry registry, ObjectStore objects) {
    this.objects = objects;
    this.namespaces = registry.find("", "v1", "namespaces").orElseThrow();
  }

  private static boolean isNamespace(ResourceType type) {
    return type.group().isEmpty() && type.plural().equals("namespaces");
  }

  /** Refuses to create {@code name} in a namespace that is missing (404) or terminating (403). */
  void requireActive(ResourceType type, String name, String namespace) {
    ObjectNode ns = objects.get(ObjectStore.key(namespaces, null, namespace));
    if (ns == null) {
      throw Statuses.namespaceNotFound(namespace);
    }
    if (ns.path("metadata").has("deletionTimestamp")) {
      throw Statuses.forbidden(type, name,
          "unable to create new content in namespace " + namespace + " because it is being terminated");
    }
  }

  /** After a namespace is removed: everything in it is removed. */
  void removed(ResourceType type, ObjectNode namespace, Writes writes) {
    if (!isNamespace(type)) {
      return;
    }
    for (ObjectStore.Stored content : objects.inNamespace(namespace.path("metadata").path("name").asText())) {
      writes.remove(content.type(), content.object());
    }
  }
}
