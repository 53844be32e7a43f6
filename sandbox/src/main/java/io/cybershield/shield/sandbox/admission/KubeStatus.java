package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code metav1.Status} bodies as kube-apiserver writes them. Key order: kind, apiVersion, metadata, status,
 * message, reason, details{name,group,kind,uid,causes[],retryAfterSeconds}, code. Empty detail fields are omitted.
 */
public final class KubeStatus {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  public static final String OPTIMISTIC_LOCK_ERROR_MSG =
      "the object has been modified; please apply your changes to the latest version and try again";

  private KubeStatus() {}

  /** Generic Failure status. {@code details} may be null. */
  public static ObjectNode failure(int code, String reason, String message, ObjectNode details) {
    ObjectNode s = F.objectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure");
    s.put("message", message);
    if (reason != null && !reason.isEmpty()) s.put("reason", reason);
    if (details != null && !details.isEmpty()) s.set("details", details);
    s.put("code", code);
    return s;
  }

  public static ObjectNode details(String name, String group, String kind) {
    ObjectNode d = F.objectNode();
    if (name != null && !name.isEmpty()) d.put("name", name);
    if (group != null && !group.isEmpty()) d.put("group", group);
    if (kind != null && !kind.isEmpty()) d.put("kind", kind);
    return d;
  }

  /** {@code schema.GroupResource.String()} / {@code GroupKind.String()}: "res.group" or "res". */
  private static String qualified(String nameOrKind, String group) {
    return group == null || group.isEmpty() ? nameOrKind : nameOrKind + "." + group;
  }

  /** Aggregate message: one error as is, several de-duplicated as {@code [e1, e2]}. */
  public static String aggregate(List<FieldError> errors) {
    if (errors.isEmpty()) return "";
    if (errors.size() == 1) return errors.get(0).render();
    Set<String> seen = new LinkedHashSet<>();
    for (FieldError e : errors) seen.add(e.render());
    String joined = String.join(", ", seen);
    return seen.size() == 1 ? joined : "[" + joined + "]";
  }

  /** 422 Invalid ({@code NewInvalid}); {@code details.kind} is the Kind. */
  public static ObjectNode invalid(String kind, String group, String name, List<FieldError> errors) {
    ObjectNode d = details(name, group, kind);
    ArrayNode causes = F.arrayNode();
    for (FieldError e : errors) {
      ObjectNode c = causes.addObject();
      c.put("reason", e.type());
      c.put("message", e.detailMessage());
      c.put("field", e.field());
    }
    if (!causes.isEmpty()) d.set("causes", causes);
    String msg = qualified(kind == null ? "" : kind, group) + " " + GoFmt.quote(name == null ? "" : name)
        + " is invalid: " + aggregate(errors);
    return failure(422, "Invalid", msg, d);
  }

  /** 400 for POST/PUT with {@code fieldValidation=Strict} and unknown fields. */
  public static ObjectNode strictDecoding(String kind, String version, List<String> unknownFields) {
    String msg = kind + " in version " + GoFmt.quote(version) + " cannot be handled as a " + kind
        + ": strict decoding error: " + unknownFieldList(unknownFields);
    return badRequest(msg);
  }

  /** 422 for JSON/merge PATCH with {@code fieldValidation=Strict}: empty kind/name, one cause with field "patch". */
  public static ObjectNode strictDecodingPatch(String patchedJson, List<String> unknownFields) {
    FieldError e = FieldError.invalid("patch", patchedJson, "strict decoding error: " + unknownFieldList(unknownFields));
    return invalid("", "", "", List.of(e));
  }

  private static String unknownFieldList(List<String> unknownFields) {
    return unknownFields.stream().map(f -> "unknown field " + GoFmt.quote(f)).collect(Collectors.joining(", "));
  }

  /** Value of one {@code Warning} header: {@code 299 - "unknown field \"spec.foo\""}. */
  public static String warningHeader(String unknownField) {
    return "299 - " + GoFmt.quote("unknown field " + GoFmt.quote(unknownField));
  }

  /** All warning header values for a list of unknown fields, in order. */
  public static List<String> warningHeaders(List<String> unknownFields) {
    List<String> out = new ArrayList<>();
    for (String f : unknownFields) out.add(warningHeader(f));
    return out;
  }

  /** 404; {@code details.kind} is the resource (plural). */
  public static ObjectNode notFound(String group, String resource, String name) {
    return failure(404, "NotFound", qualified(resource, group) + " " + GoFmt.quote(name) + " not found",
        details(name, group, resource));
  }

  public static ObjectNode alreadyExists(String group, String resource, String name) {
    return failure(409, "AlreadyExists", qualified(resource, group) + " " + GoFmt.quote(name) + " already exists",
        details(name, group, resource));
  }

  /** 409 optimistic-concurrency conflict with the standard message. */
  public static ObjectNode conflict(String group, String resource, String name) {
    return conflict(group, resource, name, OPTIMISTIC_LOCK_ERROR_MSG);
  }

  public static ObjectNode conflict(String group, String resource, String name, String detail) {
    return failure(409, "Conflict", "Operation cannot be fulfilled on " + qualified(resource, group) + " "
        + GoFmt.quote(name) + ": " + detail, details(name, group, resource));
  }

  public static ObjectNode badRequest(String message) {
    return failure(400, "BadRequest", message, null);
  }

  /** 405, e.g. verb "delete": {@code delete is not supported on resources of kind "shieldmodels.example.com"}. */
  public static ObjectNode methodNotAllowed(String verb, String group, String resource) {
    return failure(405, "MethodNotAllowed", verb + " is not supported on resources of kind "
        + GoFmt.quote(qualified(resource, group)), details(null, group, resource));
  }

  public static ObjectNode unsupportedMediaType(String message) {
    return failure(415, "UnsupportedMediaType", message, null);
  }

  /** The 415 text for a patch with an unsupported content type on a custom resource. */
  public static final String PATCH_MEDIA_TYPES_MESSAGE = "the body of the request was in an unknown format - accepted "
      + "media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml";

  public static ObjectNode notAcceptable(String message) {
    return failure(406, "NotAcceptable", message, null);
  }

  /** 403 ({@code NewForbidden}): {@code <resource>.<group> "<name>" is forbidden: <reason>}. */
  public static ObjectNode forbidden(String group, String resource, String name, String reason) {
    String msg = name == null || name.isEmpty()
        ? qualified(resource, group) + " is forbidden: " + reason
        : qualified(resource, group) + " " + GoFmt.quote(name) + " is forbidden: " + reason;
    return failure(403, "Forbidden", msg, details(name, group, resource));
  }

  /** 500 with no reason, e.g. for SSA {@code failed to create typed patch object ...}. */
  public static ObjectNode internalError(String message) {
    return failure(500, "", message, null);
  }
}
