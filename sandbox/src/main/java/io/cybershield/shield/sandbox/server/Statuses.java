package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code metav1.Status} bodies, in the key order and wording of a real kube-apiserver
 * (shared/kube-apiserver-answers.md §1).
 */
public final class Statuses {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Statuses() {
  }

  public static ObjectNode failure(int code, String reason, String message, ObjectNode details) {
    ObjectNode status = JSON.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.set("metadata", JSON.objectNode());
    status.put("status", "Failure");
    status.put("message", message);
    if (reason != null && !reason.isEmpty()) {
      status.put("reason", reason);
    }
    if (details != null) {
      status.set("details", details);
    }
    status.put("code", code);
    return status;
  }

  public static ObjectNode details(String name, String group, String kind) {
    ObjectNode details = JSON.objectNode();
    if (name != null && !name.isEmpty()) {
      details.put("name", name);
    }
    if (group != null && !group.isEmpty()) {
      details.put("group", group);
    }
    if (kind != null && !kind.isEmpty()) {
      details.put("kind", kind);
    }
    return details;
  }

  public static ApiException notFound(ResourceType type, String name) {
    return new ApiException(failure(404, "NotFound", type.qualifiedResource() + " \"" + name + "\" not found",
        details(name, type.group(), type.plural())));
  }

  public static ApiException namespaceNotFound(String namespace) {
    return new ApiException(failure(404, "NotFound", "namespaces \"" + namespace + "\" not found",
        details(namespace, "", "namespaces")));
  }

  public static ApiException alreadyExists(ResourceType type, String name) {
    return new ApiException(failure(409, "AlreadyExists",
        type.qualifiedResource() + " \"" + name + "\" already exists", details(name, type.group(), type.plural())));
  }

  public static ApiException conflict(ResourceType type, String name) {
    return new ApiException(failure(409, "Conflict",
        "Operation cannot be fulfilled on " + type.qualifiedResource() + " \"" + name
            + "\": the object has been modified; please apply your changes to the latest version and try again",
        details(name, type.group(), type.plural())));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(failure(400, "BadRequest", message, null));
  }

  public static ApiException methodNotAllowed(String verb, ResourceType type) {
    return new ApiException(failure(405, "MethodNotAllowed",
        verb + " is not supported on resources of kind \"" + type.qualifiedResource() + "\"",
        details(null, type.group(), type.plural())));
  }

  public static ApiException unsupportedMediaType(String accepted) {
    return new ApiException(failure(415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: " + accepted, null));
  }

  public static ApiException notAcceptable() {
    return new ApiException(failure(406, "NotAcceptable",
        "only the following media types are accepted: application/json, application/yaml, "
            + "application/json;stream=watch", null));
  }

  /**
   * A 422 whose causes are field errors. {@code kind} is the Kind for schema errors, the resource for
   * metadata errors of the store, as the real server does.
   */
  public static ApiException invalid(String qualifiedKind, String group, String detailsKind, String name,
      String field, String causeReason, String causeMessage) {
    ObjectNode details = details(name, group, detailsKind);
    ObjectNode cause = JSON.objectNode();
    cause.put("reason", causeReason);
    cause.put("message", causeMessage);
    cause.put("field", field);
    details.putArray("causes").add(cause);
    String subject = qualifiedKind + " \"" + name + "\"";
    if (qualifiedKind.isEmpty()) {
      subject = "\"" + name + "\"";
    }
    return new ApiException(failure(422, "Invalid", subject + " is invalid: " + field + ": " + causeMessage, details));
  }

  public static ObjectNode success(ResourceType type, String name, String uid) {
    ObjectNode status = JSON.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.set("metadata", JSON.objectNode());
    status.put("status", "Success");
    ObjectNode details = details(name, type.group(), type.plural());
    details.put("uid", uid);
    status.set("details", details);
    return status;
  }
}
