package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.FieldError;
import io.cybershield.shield.sandbox.admission.KubeStatus;

import java.util.List;

/**
 * The server's refusals as {@link ApiException}s, named by {@link ResourceType}; the {@code Status} bodies
 * themselves come from {@link KubeStatus}, worded as a real kube-apiserver words them.
 */
public final class Statuses {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Statuses() {
  }

  public static ObjectNode failure(int code, String reason, String message, ObjectNode details) {
    return KubeStatus.failure(code, reason, message, details);
  }

  public static ObjectNode details(String name, String group, String kind) {
    return KubeStatus.details(name, group, kind);
  }

  public static ApiException notFound(ResourceType type, String name) {
    return new ApiException(KubeStatus.notFound(type.group(), type.plural(), name));
  }

  public static ApiException namespaceNotFound(String namespace) {
    return new ApiException(KubeStatus.notFound("", "namespaces", namespace));
  }

  public static ApiException alreadyExists(ResourceType type, String name) {
    return new ApiException(KubeStatus.alreadyExists(type.group(), type.plural(), name));
  }

  public static ApiException conflict(ResourceType type, String name) {
    return new ApiException(KubeStatus.conflict(type.group(), type.plural(), name));
  }

  public static ApiException conflict(ResourceType type, String name, String detail) {
    return new ApiException(KubeStatus.conflict(type.group(), type.plural(), name, detail));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(KubeStatus.badRequest(message));
  }

  public static ApiException methodNotAllowed(String verb, ResourceType type) {
    return new ApiException(KubeStatus.methodNotAllowed(verb, type.group(), type.plural()));
  }

  public static ApiException unsupportedMediaType(String accepted) {
    return new ApiException(KubeStatus.unsupportedMediaType(
        "the body of the request was in an unknown format - accepted media types include: " + accepted));
  }

  public static ApiException notAcceptable() {
    return new ApiException(KubeStatus.notAcceptable("only the following media types are accepted: "
        + "application/json, application/yaml, application/json;stream=watch"));
  }

  public static ApiException forbidden(ResourceType type, String name, String reason) {
    return new ApiException(KubeStatus.forbidden(type.group(), type.plural(), name, reason));
  }

  /**
   * A 422 with one field error. {@code kind} is the Kind for object errors; the store's own metadata errors
   * name the resource instead, as the real registry does.
   */
  public static ApiException invalid(String kind, String group, String name, FieldError error) {
    return new ApiException(KubeStatus.invalid(kind, group, name, List.of(error)));
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
